package dev.scopekeeper.domains.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.PhoneWidth;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainService.DomainRequest;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.InvitationService;
import dev.scopekeeper.domains.InvitationView;
import dev.scopekeeper.security.UserService;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * {@code /domains}: the invitations waiting for me (Accept / Reject), my domains with my role, switching the
 * current domain, and - for platform administrators - Create domain.
 */
@Route("domains")
@PermitAll
@Menu(title = "nav.domains", order = 10, icon = "GLOBE")
class DomainListView extends Main implements HasDynamicTitle {

    private final DomainService domains;
    private final InvitationService received;
    private final CurrentDomainService current;
    final Button create = new Button();
    final Grid<DomainView> grid = new Grid<>();
    final Grid<InvitationView> invitations = new Grid<>();
    final Section invitationSection;

    DomainListView(DomainService domains, InvitationService received, CurrentDomainService current, UserService users) {
        this.domains = domains;
        this.received = received;
        this.current = current;
        addClassName("sk-page");

        invitations.addColumn(InvitationView::domainName).setHeader(getTranslation("domainList.invitation.domain"));
        invitations
                .addColumn(i -> getTranslation("domainRole." + i.role().wireName()))
                .setHeader(getTranslation("domainList.invitation.role"));
        invitations
                .addColumn(InvitationView::invitedByUsername)
                .setHeader(getTranslation("domainList.invitation.invitedBy"));
        invitations
                .addComponentColumn(this::answerButtons)
                .setHeader(getTranslation("domainList.invitation.answer"))
                .setAutoWidth(true);
        invitations.setAllRowsVisible(true);
        invitations.addThemeVariants(GridVariant.NO_BORDER);
        invitations.setAriaLabel(getTranslation("domainList.invitations"));
        invitations.setItems(q -> Feedback.fetch(q.getOffset(), q.getLimit(), received::listReceivedInvitations), q ->
                (int) received.listReceivedInvitations(0, 1).total());
        invitationSection = new Section(new H2(getTranslation("domainList.invitations")), invitations);
        invitationSection.addClassName("sk-section");

        create.setText(getTranslation("domainList.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setVisible(users.me().isAdmin());
        create.addClickListener(e -> new CreateDomainDialog().open());

        grid.addComponentColumn(d -> new Anchor("domains/" + d.id(), d.name()))
                .setHeader(getTranslation("domainList.name"))
                .setFlexGrow(2);
        Grid.Column<DomainView> route = grid.addColumn(DomainView::route).setHeader(getTranslation("domainList.route"));
        grid.addColumn(d -> getTranslation("status." + d.status().wireName()))
                .setHeader(getTranslation("domainList.status"));
        Grid.Column<DomainView> myRole = grid.addColumn(d -> d.myRole() == null
                        ? ""
                        : getTranslation("domainRole." + d.myRole().wireName()))
                .setHeader(getTranslation("domainList.myRole"));
        grid.addComponentColumn(this::currentOrSwitch)
                .setHeader(getTranslation("domainList.current"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        // at phone width name and status stay on screen beside the Current column
        PhoneWidth.hideColumns(this, route, myRole);
        grid.addThemeVariants(GridVariant.NO_BORDER);
        grid.setAriaLabel(getTranslation("domainList.title"));
        grid.addClassName("sk-grid");
        grid.setItems(
                q -> Feedback.fetch(
                        q.getOffset(), q.getLimit(), (offset, limit) -> domains.list(ListQuery.page(offset, limit))),
                q -> (int) domains.list(ListQuery.page(0, 1)).total());

        Div toolbar = new Div(create);
        toolbar.addClassName("sk-toolbar");
        add(new H1(getTranslation("domainList.title")), invitationSection, toolbar, grid);
        refreshInvitations();
    }

    private Div answerButtons(InvitationView invitation) {
        Button accept = new Button(getTranslation("domainList.invitation.accept"), e -> answer(invitation, true));
        accept.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        Button reject = new Button(getTranslation("domainList.invitation.reject"), e -> answer(invitation, false));
        reject.addThemeVariants(ButtonVariant.SMALL);
        Div buttons = new Div(accept, reject);
        buttons.addClassName("sk-row-actions");
        return buttons;
    }

    private void answer(InvitationView invitation, boolean accept) {
        try {
            if (accept) {
                received.acceptInvitation(invitation.id());
                Feedback.success("domainList.invitation.accepted", invitation.domainName());
            } else {
                received.rejectInvitation(invitation.id());
                Feedback.success("domainList.invitation.rejected", invitation.domainName());
            }
        } catch (ServiceException e) {
            new FieldErrors(this::getTranslation).show(e);
        }
        refreshInvitations();
        grid.getDataProvider().refreshAll();
    }

    private void refreshInvitations() {
        invitations.getDataProvider().refreshAll();
        invitationSection.setVisible(received.listReceivedInvitations(0, 1).total() > 0);
    }

    private com.vaadin.flow.component.Component currentOrSwitch(DomainView domain) {
        Optional<DomainView> currentDomain = current.currentDomain();
        if (currentDomain.isPresent() && currentDomain.get().id() == domain.id()) {
            return new Paragraph(getTranslation("domainList.isCurrent"));
        }
        Button use = new Button(getTranslation("domainList.switch"), e -> {
            try {
                current.switchDomain(domain.id());
                Feedback.success("layout.domain.switched", domain.name());
                getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
            } catch (ServiceException ex) {
                new FieldErrors(this::getTranslation).show(ex);
            }
        });
        use.addThemeVariants(ButtonVariant.SMALL);
        use.setAriaLabel(getTranslation("domainList.switchTo", domain.name()));
        return use;
    }

    /** Name, route and tags of a new domain (platform administrators only). */
    final class CreateDomainDialog extends Dialog {
        final TextField name = new TextField(getTranslation("domainList.name"));
        final TextField route = new TextField(getTranslation("domainList.route"));
        final TextField tags = new TextField(getTranslation("domainList.tags"));
        final Button save = new Button(getTranslation("domainList.createButton"));

        CreateDomainDialog() {
            setHeaderTitle(getTranslation("domainList.createTitle"));
            name.setRequiredIndicatorVisible(true);
            route.setRequiredIndicatorVisible(true);
            route.setHelperText(getTranslation("domainList.route.help"));
            tags.setHelperText(getTranslation("domainList.tags.help"));
            FieldErrors errors = new FieldErrors(DomainListView.this::getTranslation)
                    .bind("name", name)
                    .bind("route", route)
                    .bind("tags", tags);
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> {
                errors.clear();
                try {
                    DomainView created = domains.create(
                            new DomainRequest(name.getValue(), route.getValue(), DomainForms.tags(tags.getValue())));
                    close();
                    Feedback.success("domainList.created", created.name());
                    getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
                } catch (ServiceException ex) {
                    errors.show(ex);
                }
            });
            add(new FormLayout(name, route, tags));
            getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("domainList.pageTitle");
    }
}
