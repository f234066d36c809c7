package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.entities.GroupService;
import dev.scopekeeper.entities.GroupView;
import java.util.List;
import java.util.function.Supplier;

/**
 * The detail page of a client, channel or group of the current domain: name (and description), tags,
 * Enable/Disable, Delete and the parent group; subclasses add their own sections. Viewers see it read-only.
 * Unknown ids and ids of other domains show the one "not found" page.
 */
abstract class EntityDetailView extends Main implements HasUrlParameter<Long>, HasDynamicTitle {

    protected final CurrentDomainService currentDomain;
    protected final GroupService groups;
    private final String prefix;
    private final boolean withDescription;
    protected DomainView domain;
    protected Item item;
    protected boolean canEdit;

    final H1 title = new H1();
    final Span status = new Span();
    final Button enable = new Button();
    final Button disable = new Button();
    final Button delete = new Button();
    final Div actions = new Div();
    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final Button save = new Button();
    final TagsField tags = new TagsField(getTranslation("entityList.tags"));
    final Button saveTags = new Button();
    final Span parent = new Span();
    final ComboBox<GroupView> parentGroup = new ComboBox<>();
    final Button setParent = new Button();
    final Button removeParent = new Button();
    private FieldErrors detailErrors;
    private FieldErrors tagErrors;
    private FieldErrors parentErrors;

    EntityDetailView(CurrentDomainService currentDomain, GroupService groups, String prefix, boolean withDescription) {
        this.currentDomain = currentDomain;
        this.groups = groups;
        this.prefix = prefix;
        this.withDescription = withDescription;
        addClassName("sk-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        domain = currentDomain.currentDomain().orElse(null);
        if (domain == null || id == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            item = load(domain.id(), id);
        } catch (ServiceException.NotFound | ServiceException.Forbidden e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        canEdit = domain.myRole() != null && domain.myRole().atLeast(DomainRole.EDITOR);
        removeAll();
        build();
        show(item);
    }

    private void build() {
        status.addClassName("sk-status");
        Div heading = new Div(title, status);
        heading.addClassName("sk-heading");
        Anchor back = new Anchor(route(), getTranslation(prefix + ".back"));

        enable.setText(getTranslation("entityDetail.enable"));
        enable.addClickListener(
                e -> change(detailErrors, () -> enable(domain.id(), item.id()), "entityDetail.enabled"));
        disable.setText(getTranslation("entityDetail.disable"));
        disable.addClickListener(e -> Feedback.confirm(
                getTranslation("entityDetail.disable.title", item.name()),
                getTranslation("entityDetail.disable.text"),
                getTranslation("entityDetail.disable"),
                () -> change(detailErrors, () -> disable(domain.id(), item.id()), "entityDetail.disabled")));
        delete.setText(getTranslation("entityDetail.delete"));
        delete.addThemeVariants(ButtonVariant.ERROR);
        delete.addClickListener(e -> Feedback.confirm(
                getTranslation(prefix + ".delete.title", item.name()),
                getTranslation("entityDetail.delete.text"),
                getTranslation("entityDetail.delete"),
                this::deleteItem));
        actions.add(extraActions());
        actions.add(enable, disable, delete);
        actions.addClassName("sk-toolbar");
        actions.setVisible(canEdit);

        name.setLabel(getTranslation("entityList.name"));
        name.setRequiredIndicatorVisible(true);
        description.setLabel(getTranslation("entityList.description"));
        description.setVisible(withDescription);
        save.setText(getTranslation("entityDetail.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> change(
                detailErrors,
                () -> rename(domain.id(), item.id(), name.getValue(), description.getValue()),
                "entityDetail.saved"));
        detailErrors = new FieldErrors(this::getTranslation).bind("name", name).bind("description", description);
        Section details = section("entityDetail.details", new FormLayout(name, description), save);

        saveTags.setText(getTranslation("entityDetail.saveTags"));
        saveTags.addClickListener(
                e -> change(tagErrors, () -> saveTags(domain.id(), item.id(), tags.tags()), "entityDetail.tagsSaved"));
        tagErrors = new FieldErrors(this::getTranslation).bind("tags", tags);
        Section tagSection = section("entityDetail.tags", tags, saveTags);

        parentGroup.setLabel(getTranslation("entityDetail.parentGroup"));
        parentGroup.setItemLabelGenerator(GroupView::name);
        parentGroup.setItems(q -> Feedback.fetch(
                q.getOffset(),
                q.getLimit(),
                (offset, limit) -> groups.list(
                        domain.id(), new ListQuery(offset, limit, q.getFilter().orElse(null), null, null))));
        setParent.setText(getTranslation("entityDetail.setParent"));
        setParent.addClickListener(e -> {
            if (parentGroup.getValue() == null) {
                parentGroup.setInvalid(true);
                parentGroup.setErrorMessage(getTranslation("entityDetail.choose"));
                return;
            }
            change(
                    parentErrors,
                    () -> setParent(
                            domain.id(), item.id(), parentGroup.getValue().id()),
                    "entityDetail.parentSet");
        });
        removeParent.setText(getTranslation("entityDetail.removeParent"));
        removeParent.addClickListener(
                e -> change(parentErrors, () -> removeParent(domain.id(), item.id()), "entityDetail.parentRemoved"));
        parentErrors = new FieldErrors(this::getTranslation).bind("parentGroupId", parentGroup);
        parent.addClassName("sk-parent");
        Div parentControls = new Div(parentGroup, setParent, removeParent);
        parentControls.addClassName("sk-toolbar");
        parentControls.setVisible(canEdit);
        Section parentSection = section("entityDetail.parentGroup", parent, parentControls);

        for (TextField field : List.of(name)) {
            field.setReadOnly(!canEdit);
        }
        description.setReadOnly(!canEdit);
        tags.setReadOnly(!canEdit);
        save.setVisible(canEdit);
        saveTags.setVisible(canEdit);

        add(back, heading, actions, details, tagSection, parentSection);
        add(extraSections());
    }

    protected Section section(String titleKey, Component... content) {
        Section section = new Section(new H2(getTranslation(titleKey)));
        section.add(content);
        section.addClassName("sk-section");
        return section;
    }

    /** Runs a change; on success shows the entity again and a notification, else the error. */
    protected void change(FieldErrors errors, Supplier<Item> action, String successKey) {
        errors.clear();
        parentGroup.setInvalid(false);
        try {
            show(action.get());
            Feedback.success(successKey, item.name());
        } catch (ServiceException e) {
            errors.show(e);
        }
    }

    protected void show(Item shown) {
        item = shown;
        title.setText(shown.name());
        status.setText(getTranslation("status." + shown.status().wireName()));
        status.getClassNames().set("sk-status-disabled", !shown.enabled());
        enable.setVisible(!shown.enabled());
        disable.setVisible(shown.enabled());
        name.setValue(shown.name());
        description.setValue(shown.description() == null ? "" : shown.description());
        tags.setTags(shown.tags());
        parent.setText(
                shown.parentGroupId() == null
                        ? getTranslation("entityDetail.noParent")
                        : getTranslation("entityDetail.parentIs", parentName(shown.parentGroupId())));
        removeParent.setEnabled(shown.parentGroupId() != null);
    }

    private String parentName(long groupId) {
        try {
            return groups.view(domain.id(), groupId).name();
        } catch (ServiceException e) {
            return "#" + groupId;
        }
    }

    private void deleteItem() {
        try {
            delete(domain.id(), item.id());
            Feedback.success("entityDetail.deleted", item.name());
            getUI().ifPresent(ui -> ui.navigate(route()));
        } catch (ServiceException e) {
            new FieldErrors(this::getTranslation).show(e);
        }
    }

    protected Component[] extraActions() {
        return new Component[0];
    }

    protected Component[] extraSections() {
        return new Component[0];
    }

    abstract String route();

    abstract Item load(long domainId, long id);

    abstract Item rename(long domainId, long id, String name, String description);

    abstract Item saveTags(long domainId, long id, List<String> tags);

    abstract Item enable(long domainId, long id);

    abstract Item disable(long domainId, long id);

    abstract void delete(long domainId, long id);

    abstract Item setParent(long domainId, long id, long groupId);

    abstract Item removeParent(long domainId, long id);

    @Override
    public String getPageTitle() {
        return item == null ? getTranslation("notFound.title") : getTranslation(prefix + ".pageTitle", item.name());
    }
}
