package dev.scopekeeper.domains.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import dev.scopekeeper.authz.DomainRole;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.Status;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.HiddenHeader;
import dev.scopekeeper.domains.CurrentDomainService;
import dev.scopekeeper.domains.DomainService;
import dev.scopekeeper.domains.DomainService.DomainRequest;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.domains.InvitationService;
import dev.scopekeeper.domains.InvitationView;
import dev.scopekeeper.domains.MemberAddition;
import dev.scopekeeper.domains.MemberService;
import dev.scopekeeper.domains.MemberView;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code /domains/{id}}: one domain in tabs - Settings (name, route, tags, enable/disable, make current), Members
 * and Invitations. More tabs (e.g. the domain's access tokens) plug in as {@link DomainPageTab} beans.
 */
@Route("domains")
@PermitAll
class DomainDetailView extends Main implements HasUrlParameter<Long>, HasDynamicTitle {

    private final DomainService domains;
    private final MemberService members;
    private final InvitationService invitations;
    private final CurrentDomainService current;
    private DomainView domain;
    private boolean admin;

    final H1 title = new H1();
    final Span status = new Span();
    final TabSheet tabs = new TabSheet();
    // Settings
    final TextField name = new TextField();
    final TextField route = new TextField();
    final TextField tags = new TextField();
    final Button save = new Button();
    final Button enable = new Button();
    final Button disable = new Button();
    final Button makeCurrent = new Button();
    private final List<DomainPageTab> extraTabs;
    // Members
    final Grid<MemberView> memberGrid = new Grid<>();
    final TextField memberUsername = new TextField();
    final Select<DomainRole> memberRole = new Select<>();
    final Button addMember = new Button();
    // Invitations
    final Grid<InvitationView> invitationGrid = new Grid<>();
    final TextField inviteeUsername = new TextField();
    final Select<DomainRole> invitationRole = new Select<>();
    final Button sendInvitation = new Button();

    DomainDetailView(
            DomainService domains,
            MemberService members,
            InvitationService invitations,
            CurrentDomainService current,
            ObjectProvider<DomainPageTab> extraTabs) {
        this.domains = domains;
        this.members = members;
        this.invitations = invitations;
        this.current = current;
        this.extraTabs = extraTabs.orderedStream().toList();
        addClassName("sk-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        try {
            domain = domains.read(id == null ? -1 : id);
        } catch (ServiceException.NotFound | ServiceException.Forbidden e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        admin = domain.myRole() == DomainRole.ADMIN;
        removeAll();
        status.addClassName("sk-status");
        Div heading = new Div(title, status);
        heading.addClassName("sk-heading");
        addTab("domainDetail.tab.settings", settings());
        addTab("domainDetail.tab.members", membersTab());
        addTab("domainDetail.tab.invitations", invitationsTab());
        for (DomainPageTab tab : extraTabs) {
            Component content = tab.create(domain);
            if (content != null) {
                addTab(tab.titleKey(), content);
            }
        }
        tabs.addClassName("sk-tabs");
        add(new Anchor("domains", getTranslation("domainDetail.back")), heading, tabs);
        show(domain);
    }

    /** Adds a tab; other features add theirs through {@link DomainPageTab}. */
    void addTab(String titleKey, Component content) {
        tabs.add(getTranslation(titleKey), content);
    }

    private Component settings() {
        name.setLabel(getTranslation("domainList.name"));
        route.setLabel(getTranslation("domainList.route"));
        route.setHelperText(getTranslation("domainList.route.help"));
        tags.setLabel(getTranslation("domainList.tags"));
        tags.setHelperText(getTranslation("domainList.tags.help"));
        FieldErrors errors = new FieldErrors(this::getTranslation)
                .bind("name", name)
                .bind("route", route)
                .bind("tags", tags);
        save.setText(getTranslation("domainDetail.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> change(
                errors,
                () -> domains.update(
                        domain.id(),
                        new DomainRequest(name.getValue(), route.getValue(), DomainForms.tags(tags.getValue()))),
                "domainDetail.saved"));
        enable.setText(getTranslation("domainDetail.enable"));
        enable.addClickListener(e -> change(errors, () -> domains.enable(domain.id()), "domainDetail.enabled"));
        disable.setText(getTranslation("domainDetail.disable"));
        disable.addThemeVariants(ButtonVariant.ERROR);
        disable.addClickListener(e -> Feedback.confirm(
                getTranslation("domainDetail.disable.title", domain.name()),
                getTranslation("domainDetail.disable.text"),
                getTranslation("domainDetail.disable"),
                () -> change(errors, () -> domains.disable(domain.id()), "domainDetail.disabled")));
        makeCurrent.setText(getTranslation("domainList.switch"));
        makeCurrent.addClickListener(e -> {
            try {
                current.switchDomain(domain.id());
                Feedback.success("layout.domain.switched", domain.name());
                getUI().ifPresent(ui -> ui.refreshCurrentRoute(false));
            } catch (ServiceException ex) {
                errors.show(ex);
            }
        });
        name.setReadOnly(!admin);
        route.setReadOnly(!admin);
        tags.setReadOnly(!admin);
        save.setVisible(admin);
        Div buttons = new Div(save, makeCurrent, enable, disable);
        buttons.addClassName("sk-toolbar");
        return new Div(new FormLayout(name, route, tags), buttons);
    }

    private void change(FieldErrors errors, java.util.function.Supplier<DomainView> action, String successKey) {
        errors.clear();
        try {
            show(action.get());
            Feedback.success(successKey, domain.name());
        } catch (ServiceException e) {
            errors.show(e);
        }
    }

    private void show(DomainView shown) {
        domain = shown;
        title.setText(shown.name());
        status.setText(getTranslation("status." + shown.status().wireName()));
        status.getClassNames().set("sk-status-disabled", shown.status() == Status.DISABLED);
        name.setValue(shown.name());
        route.setValue(shown.route());
        tags.setValue(String.join(", ", shown.tags()));
        enable.setVisible(admin && shown.status() == Status.DISABLED);
        disable.setVisible(admin && shown.status() == Status.ENABLED);
    }

    private Component membersTab() {
        memberGrid.addColumn(MemberView::username).setHeader(getTranslation("domainDetail.member.username"));
        memberGrid.addColumn(MemberView::displayName).setHeader(getTranslation("domainDetail.member.displayName"));
        memberGrid
                .addColumn(MemberView::userId)
                .setHeader(getTranslation("domainDetail.member.userId"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        memberGrid.addComponentColumn(this::roleCell).setHeader(getTranslation("domainDetail.member.role"));
        if (admin) {
            memberGrid
                    .addComponentColumn(this::removeMemberButton)
                    .setHeader(new HiddenHeader("grid.column.remove"))
                    .setFlexGrow(0)
                    .setWidth("4rem");
        }
        memberGrid.addThemeVariants(GridVariant.NO_BORDER);
        memberGrid.setAriaLabel(getTranslation("domainDetail.tab.members"));
        memberGrid.setItems(
                q -> Feedback.fetch(
                        q.getOffset(),
                        q.getLimit(),
                        (offset, limit) -> members.listMembers(domain.id(), offset, limit)),
                q -> (int) members.listMembers(domain.id(), 0, 1).total());
        memberGrid.addClassName("sk-grid");

        memberUsername.setLabel(getTranslation("domainDetail.member.username"));
        memberUsername.setHelperText(getTranslation("domainDetail.member.addHelp"));
        roles(memberRole, "domainDetail.member.role");
        FieldErrors errors = new FieldErrors(this::getTranslation)
                .bind("username", memberUsername)
                .bind("role", memberRole);
        addMember.setText(getTranslation("domainDetail.member.add"));
        addMember.addClickListener(e -> {
            errors.clear();
            try {
                MemberAddition added = members.addMember(domain.id(), memberUsername.getValue(), memberRole.getValue());
                if (added.invited()) {
                    Feedback.success(
                            "domainDetail.member.invited", added.invitation().inviteeUsername());
                } else {
                    Feedback.success("domainDetail.member.added", added.member().username());
                }
                memberUsername.clear();
                memberGrid.getDataProvider().refreshAll();
            } catch (ServiceException ex) {
                errors.show(ex);
            }
        });
        Div form = new Div(memberUsername, memberRole, addMember);
        form.addClassName("sk-toolbar");
        form.setVisible(admin);
        return new Div(form, memberGrid);
    }

    private Component roleCell(MemberView member) {
        if (!admin) {
            return new Span(getTranslation("domainRole." + member.role().wireName()));
        }
        Select<DomainRole> role = new Select<>();
        role.setItems(DomainRole.values());
        role.setItemLabelGenerator(r -> getTranslation("domainRole." + r.wireName()));
        role.setValue(member.role());
        role.setAriaLabel(getTranslation("domainDetail.member.roleOf", member.username()));
        role.addValueChangeListener(e -> {
            if (!e.isFromClient() && e.getOldValue() == null) {
                return;
            }
            try {
                members.addMember(domain.id(), member.userId(), e.getValue());
                Feedback.success(
                        "domainDetail.member.roleChanged",
                        member.username(),
                        getTranslation("domainRole." + e.getValue().wireName()));
            } catch (ServiceException ex) {
                new FieldErrors(this::getTranslation).show(ex);
            }
            memberGrid.getDataProvider().refreshAll();
        });
        return role;
    }

    private Component removeMemberButton(MemberView member) {
        Button remove = new Button(VaadinIcon.TRASH.create());
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        remove.setAriaLabel(getTranslation("domainDetail.member.remove", member.username()));
        remove.setTooltipText(remove.getAriaLabel().orElse(""));
        remove.addClickListener(e -> Feedback.confirm(
                getTranslation("domainDetail.member.remove.title", member.username()),
                getTranslation("domainDetail.member.remove.text"),
                getTranslation("domainDetail.member.removeButton"),
                () -> {
                    try {
                        members.removeMember(domain.id(), member.userId());
                        Feedback.success("domainDetail.member.removed", member.username());
                    } catch (ServiceException ex) {
                        new FieldErrors(this::getTranslation).show(ex);
                    }
                    memberGrid.getDataProvider().refreshAll();
                }));
        return remove;
    }

    private Component invitationsTab() {
        invitationGrid
                .addColumn(InvitationView::inviteeUsername)
                .setHeader(getTranslation("domainDetail.invitation.invitee"));
        invitationGrid
                .addColumn(i -> getTranslation("domainRole." + i.role().wireName()))
                .setHeader(getTranslation("domainDetail.member.role"));
        invitationGrid
                .addColumn(i -> getTranslation("invitationState." + i.state().wireName()))
                .setHeader(getTranslation("domainDetail.invitation.state"));
        invitationGrid
                .addColumn(InvitationView::invitedByUsername)
                .setHeader(getTranslation("domainList.invitation.invitedBy"));
        invitationGrid
                .addComponentColumn(this::deleteInvitationButton)
                .setHeader(new HiddenHeader("grid.column.delete"))
                .setFlexGrow(0)
                .setWidth("4rem");
        invitationGrid.addThemeVariants(GridVariant.NO_BORDER);
        invitationGrid.setAriaLabel(getTranslation("domainDetail.tab.invitations"));
        invitationGrid.addClassName("sk-grid");
        inviteeUsername.setLabel(getTranslation("domainDetail.invitation.username"));
        roles(invitationRole, "domainDetail.member.role");
        FieldErrors errors = new FieldErrors(this::getTranslation)
                .bind("invitee", inviteeUsername)
                .bind("role", invitationRole);
        sendInvitation.setText(getTranslation("domainDetail.invitation.send"));
        sendInvitation.addThemeVariants(ButtonVariant.PRIMARY);
        sendInvitation.addClickListener(e -> {
            errors.clear();
            try {
                InvitationView sent =
                        invitations.sendInvitation(domain.id(), inviteeUsername.getValue(), invitationRole.getValue());
                Feedback.success("domainDetail.invitation.sent", sent.inviteeUsername());
                inviteeUsername.clear();
                invitationGrid.getDataProvider().refreshAll();
            } catch (ServiceException ex) {
                errors.show(ex);
            }
        });
        Div form = new Div(inviteeUsername, invitationRole, sendInvitation);
        form.addClassName("sk-toolbar");
        if (!admin) {
            // Only domain admins manage invitations; others see a note instead of a refusal.
            return new Div(new Span(getTranslation("domainDetail.invitation.adminsOnly")));
        }
        invitationGrid.setItems(
                q -> Feedback.fetch(
                        q.getOffset(),
                        q.getLimit(),
                        (offset, limit) -> invitations.listDomainInvitation(domain.id(), offset, limit)),
                q -> (int) invitations.listDomainInvitation(domain.id(), 0, 1).total());
        return new Div(form, invitationGrid);
    }

    private Component deleteInvitationButton(InvitationView invitation) {
        Button delete = new Button(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        delete.setAriaLabel(getTranslation("domainDetail.invitation.delete", invitation.inviteeUsername()));
        delete.setTooltipText(delete.getAriaLabel().orElse(""));
        delete.addClickListener(e -> Feedback.confirm(
                getTranslation("domainDetail.invitation.delete.title", invitation.inviteeUsername()),
                getTranslation("domainDetail.invitation.delete.text"),
                getTranslation("domainDetail.invitation.deleteButton"),
                () -> {
                    try {
                        invitations.deleteInvitation(domain.id(), invitation.id());
                        Feedback.success("domainDetail.invitation.deleted", invitation.inviteeUsername());
                    } catch (ServiceException ex) {
                        new FieldErrors(this::getTranslation).show(ex);
                    }
                    invitationGrid.getDataProvider().refreshAll();
                }));
        return delete;
    }

    private void roles(Select<DomainRole> select, String labelKey) {
        select.setLabel(getTranslation(labelKey));
        select.setItems(DomainRole.values());
        select.setItemLabelGenerator(r -> r == null ? "" : getTranslation("domainRole." + r.wireName()));
        select.setValue(DomainRole.VIEWER);
    }

    @Override
    public String getPageTitle() {
        return domain == null
                ? getTranslation("notFound.title")
                : getTranslation("domainDetail.pageTitle", domain.name());
    }
}
