package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.pat.IssuedPat;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatService.CreatePatRequest;
import dev.scopekeeper.security.UserAdministrationService;
import dev.scopekeeper.security.UserProfile;
import dev.scopekeeper.security.UserService;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Optional;

/**
 * The creation page: Name, Description, Duration, User (administrators only) and scopes; Create and
 * Reset. After Create the detail page opens and shows the secret once.
 */
@Route("pats/new")
@PermitAll
class PatCreateView extends Main implements HasDynamicTitle {

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final DurationField duration;
    final ComboBox<UserProfile> user = new ComboBox<>();
    final ScopesEditor scopes;
    final Button create = new Button();
    final Button reset = new Button();
    private final PatService pats;
    private final UserProfile me;
    private final FieldErrors errors;

    PatCreateView(
            PatService pats,
            UserService users,
            UserAdministrationService userAdministration,
            ScopeChoices scopeChoices,
            Clock clock) {
        this.pats = pats;
        this.me = users.me();
        addClassNames("sk-page", "sk-pat-create");

        name.setLabel(getTranslation("pat.ui.field.name"));
        name.setHelperText(getTranslation("pat.ui.field.name.help"));
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(Names.NAME_MAX);
        name.addValueChangeListener(e -> name.setInvalid(false));
        description.setLabel(getTranslation("pat.ui.field.description"));
        description.setHelperText(getTranslation("pat.ui.field.description.help"));
        description.setMaxLength(Names.DESCRIPTION_MAX);
        duration = new DurationField(pats.currentPolicy(), clock);

        user.setLabel(getTranslation("pat.ui.field.user"));
        user.setHelperText(getTranslation("pat.ui.field.user.help"));
        user.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        user.setVisible(me.isAdmin());
        if (me.isAdmin()) {
            user.setItems(Pages.lazy((filter, offset, limit) ->
                    Pages.fetch(offset, limit, (o, l) -> userAdministration.search(filter, o, l))));
            user.setValue(me);
        }

        scopes = new ScopesEditor(scopeChoices, 0);
        // an administrator minting for someone else is offered that user's domains only
        user.addValueChangeListener(
                e -> scopes.offerDomainsOf(e.getValue() == null || e.getValue().id() == me.id() ? null : e.getValue()));

        create.setText(getTranslation("pat.ui.createButton"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> create());
        create.addClickShortcut(Key.ENTER).listenOn(name);
        reset.setText(getTranslation("pat.ui.reset"));
        reset.addClickListener(e -> reset());

        errors = new FieldErrors(this::getTranslation)
                .bind("name", name)
                .bind("description", description)
                .bind("duration", duration)
                .bind("user_id", user)
                .bind("scopes", scopes);

        FormLayout form = new FormLayout(name, description, duration, user);
        form.setColspan(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Section scopeSection = new Section(
                new H2(getTranslation("pat.ui.scopes.title")),
                new Paragraph(getTranslation("pat.ui.scopes.intro")),
                scopes);
        scopeSection.addClassName("sk-section");
        Div buttons = new Div(create, reset);
        buttons.addClassName("sk-form-buttons");
        add(new H1(getTranslation("pat.ui.create.title")), form, scopeSection, buttons);
    }

    private void create() {
        errors.clear();
        boolean valid = true;
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("validation.name.required"));
            name.setInvalid(true);
            valid = false;
        }
        Optional<PatDuration> chosen = duration.value();
        valid &= chosen.isPresent();
        valid &= scopes.validate();
        if (!valid) {
            Feedback.show(getTranslation("pat.ui.form.invalid"), NotificationVariant.ERROR);
            return;
        }
        Long owner = me.isAdmin() && user.getValue() != null && user.getValue().id() != me.id()
                ? user.getValue().id()
                : null;
        try {
            IssuedPat issued = pats.create(
                    new CreatePatRequest(name.getValue(), description.getValue(), chosen.get(), owner, scopes.value()));
            Feedback.show(getTranslation("pat.ui.create.done", issued.pat().name()), NotificationVariant.SUCCESS);
            // one's own token or one minted for another user: its page shows the secret once (and the owner)
            getUI().ifPresent(ui -> {
                OneTimeSecret.hand(ui, issued.pat().id(), issued.secret());
                ui.navigate(
                        PatDetailView.class,
                        new RouteParameters("id", Long.toString(issued.pat().id())));
            });
        } catch (ServiceException e) {
            // a refused scope is said at its row's field, in the names chosen there; the rest at their fields
            if (!scopes.showAtRow(e)) {
                errors.show(e);
            }
        }
    }

    private void clearForm() {
        errors.clear();
        name.clear();
        name.setInvalid(false);
        description.clear();
        duration.reset();
        if (me.isAdmin()) {
            user.setValue(me);
        }
        scopes.reset();
    }

    private void reset() {
        clearForm();
        Feedback.show(getTranslation("pat.ui.reset.done"), null);
        name.focus();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pat.ui.create.title");
    }
}
