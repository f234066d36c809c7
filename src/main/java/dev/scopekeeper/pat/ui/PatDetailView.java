package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import dev.scopekeeper.base.Names;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.pat.LifecyclePolicyService;
import dev.scopekeeper.pat.PatAccessCheck;
import dev.scopekeeper.pat.PatAdministrationService;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatLifecycleService;
import dev.scopekeeper.pat.PatScopeView;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.PatStatus;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.security.UserService;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One token: name and description (edited in place), owner, creator, times, status row with Revoke and
 * Regenerate, the one-time secret panel right after create/regenerate, and the scope grid. Someone
 * else's token, or one that does not exist, shows the not-found view. The dialogs live in {@link RegenerateDialog},
 * {@link AddScopeDialog} and {@link PatDetailConfirmations}; the view keeps the fields and the wiring.
 */
@Route("pats/:id([0-9]{1,18})")
@PermitAll
class PatDetailView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final H1 title = new H1();
    final Span badge = new Span();
    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final TextField hint = new TextField();
    final TextField revokedAt = new TextField();
    final TextField owner = new TextField();
    final TextField createdBy = new TextField();
    final TextField issued = new TextField();
    final TextField expires = new TextField();
    final TextField lastUsed = new TextField();
    final Button revoke = new Button();
    final Button regenerate = new Button();
    final Span revokedNote = new Span();
    final Div secretSlot = new Div();
    final Button addScope = new Button();
    final Button deleteAllScopes = new Button();
    final Grid<PatScopeView> scopeGrid = new Grid<>();
    SecretPanel secretPanel;
    final Paragraph mintedNotice = new Paragraph();
    /** At the top of the page when no scope of the token is effective any more. */
    final Paragraph noneEffective = new Paragraph();

    final CheckAccessPanel checkAccess;
    private final PatAccessCheck checks;
    private Map<Long, PatAccessCheck.ScopeEffect> effects = Map.of();
    /** An administrator looking at a token they minted for someone else: read-only but for Revoke. */
    boolean administering;

    private final PatService pats;
    private final PatAdministrationService patAdministration;
    private final boolean admin;
    private final long meId;
    private final ScopeChoices scopeChoices;
    private final RegenerateDialog regenerateDialog;
    private final AddScopeDialog addScopeDialog;
    private final PatFormat format;
    private final FieldErrors errors;
    private PatDetails pat;

    private final PatLifecycleService lifecycle;
    final GraceRotation.Row graceRow = new GraceRotation.Row(this::stopGrace);

    PatDetailView(
            PatService pats,
            ScopeChoices scopeChoices,
            Clock clock,
            PatAdministrationService patAdministration,
            UserService users,
            PatLifecycleService lifecycle,
            LifecyclePolicyService lifecyclePolicy,
            PatAccessCheck checks) {
        this.pats = pats;
        this.checks = checks;
        this.lifecycle = lifecycle;
        this.patAdministration = patAdministration;
        this.admin = users.me().isAdmin();
        this.meId = users.me().id();
        mintedNotice.addClassName("sk-success");
        mintedNotice.setVisible(false);
        this.scopeChoices = scopeChoices;
        this.regenerateDialog = new RegenerateDialog(this, pats, lifecycle, lifecyclePolicy, clock);
        this.addScopeDialog = new AddScopeDialog(this, pats, scopeChoices);
        this.format = new PatFormat(clock, this::getTranslation);
        addClassNames("sk-page", "sk-pat-detail");

        name.setLabel(getTranslation("pat.ui.field.name"));
        name.setMaxLength(Names.NAME_MAX);
        name.setRequiredIndicatorVisible(true);
        name.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                rename();
            }
        });
        description.setLabel(getTranslation("pat.ui.field.description"));
        description.setMaxLength(Names.DESCRIPTION_MAX);
        description.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                describe();
            }
        });
        name.setHelperText(getTranslation("pat.ui.detail.editHelp"));
        errors = new FieldErrors(this::getTranslation).bind("name", name).bind("description", description);
        owner.setLabel(getTranslation("pat.ui.field.owner"));
        createdBy.setLabel(getTranslation("pat.ui.field.createdBy"));
        issued.setLabel(getTranslation("pat.ui.field.issued"));
        expires.setLabel(getTranslation("pat.ui.field.expires"));
        lastUsed.setLabel(getTranslation("pat.ui.field.lastUsed"));
        hint.setLabel(getTranslation("pat.ui.field.hint"));
        hint.setHelperText(getTranslation("pat.ui.field.hint.help"));
        hint.addClassName("sk-hint-field");
        revokedAt.setLabel(getTranslation("pat.ui.field.revokedAt"));
        for (TextField field : List.of(owner, createdBy, issued, expires, lastUsed, hint, revokedAt)) {
            field.setReadOnly(true);
        }

        revoke.setText(getTranslation("pat.ui.revoke"));
        revoke.setIcon(VaadinIcon.BAN.create());
        revoke.addThemeVariants(ButtonVariant.ERROR);
        revoke.addClickListener(e -> confirmRevoke());
        regenerate.setText(getTranslation("pat.ui.regenerate"));
        regenerate.setIcon(VaadinIcon.REFRESH.create());
        regenerate.addClickListener(e -> openRegenerate());

        addScope.setText(getTranslation("pat.ui.scopes.add"));
        addScope.setIcon(VaadinIcon.PLUS.create());
        addScope.addThemeVariants(ButtonVariant.PRIMARY);
        addScope.addClickListener(e -> openAddScope());
        deleteAllScopes.setText(getTranslation("pat.ui.deleteAll"));
        deleteAllScopes.setIcon(VaadinIcon.TRASH.create());
        deleteAllScopes.addThemeVariants(ButtonVariant.ERROR);
        deleteAllScopes.addClickListener(e -> confirmClearScopes());
        ScopeGridColumns.configure(
                scopeGrid, this, this::deleteScopeButton, s -> ScopeGridColumns.effectCell(this, effects.get(s.id())));
        noneEffective.addClassName("sk-warning");
        noneEffective.setText(getTranslation("pat.ui.scopes.noneEffective"));
        noneEffective.setVisible(false);

        Span statusLabel = new Span(getTranslation("pat.ui.column.status"));
        statusLabel.addClassName("sk-label");
        Div statusValue = new Div(statusLabel, badge);
        statusValue.addClassName("sk-status-value");
        Div statusActions = new Div(revoke, regenerate);
        statusActions.addClassName("sk-status-actions");
        Div statusRow = new Div(statusValue, statusActions, revokedNote);
        statusRow.addClassName("sk-status-row");
        title.addClassName("sk-title");
        FormLayout fields =
                new FormLayout(name, description, hint, owner, createdBy, issued, expires, revokedAt, lastUsed);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Div scopeToolbar = new Div(addScope, deleteAllScopes);
        scopeToolbar.addClassName("sk-toolbar-actions");
        Section scopeSection = new Section(new H2(getTranslation("pat.ui.scopes.title")), scopeToolbar, scopeGrid);
        scopeSection.addClassName("sk-section");
        checkAccess = new CheckAccessPanel(checks, pats, scopeChoices, () -> pat, updated -> {
            show(updated);
            scopeGrid.getDataProvider().refreshAll();
        });
        add(title, noneEffective, statusRow, graceRow, mintedNotice, secretSlot, fields, scopeSection, checkAccess);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("id");
        administering = false;
        try {
            pat = pats.get(id.orElseThrow(() -> new ServiceException.NotFound("pat.error.notFound")));
        } catch (ServiceException.NotFound | ServiceException.Forbidden e) {
            Optional<PatDetails> others = admin && id.isPresent() ? administered(id.get()) : Optional.empty();
            if (others.isEmpty()) {
                event.rerouteToError(NotFoundException.class);
                return;
            }
            pat = others.get();
            administering = true;
        }
        // someone else's token: the administrator sees it and may revoke it; the owner manages it
        name.setReadOnly(administering);
        description.setReadOnly(administering);
        name.setHelperText(administering ? null : getTranslation("pat.ui.detail.editHelp"));
        regenerate.setVisible(!administering);
        addScope.setVisible(!administering);
        deleteAllScopes.setVisible(!administering);
        checkAccess.setVisible(!administering);
        scopeGrid.getColumnByKey("actions").setVisible(!administering);
        mintedNotice.setVisible(false);
        secretSlot.removeAll();
        secretPanel = null;
        OneTimeSecret.take(event.getUI(), pat.id()).ifPresent(secret -> {
            showSecret(secret);
            if (administering) {
                mintedNotice.setText(getTranslation("pat.ui.create.mintedFor", pat.name(), pat.ownerName()));
                mintedNotice.setVisible(true);
            }
        });
        show(pat);
        scopeGrid.getDataProvider().refreshAll();
    }

    /**
     * A token the administrator minted for someone else; any other token of someone else stays "not found"
     * here (administrators see all tokens under /admin/tokens).
     */
    private Optional<PatDetails> administered(long patId) {
        try {
            return Optional.of(patAdministration.get(patId)).filter(p -> p.createdById() == meId);
        } catch (ServiceException e) {
            return Optional.empty();
        }
    }

    private void show(PatDetails details) {
        pat = details;
        effects = checks.effects(details.id());
        noneEffective.setVisible(
                !effects.isEmpty() && effects.values().stream().noneMatch(PatAccessCheck.ScopeEffect::effective));
        scopeGrid.setItems(details.scopes());
        title.setText(details.name());
        badge.removeAll();
        badge.removeClassNames("sk-badge", "sk-badge-active", "sk-badge-revoked", "sk-badge-expired");
        Span status = format.badge(details.status());
        badge.setText(status.getText());
        badge.addClassNames("sk-badge", "sk-badge-" + details.status().wireName());
        name.setValue(details.name());
        description.setValue(details.description() == null ? "" : details.description());
        owner.setValue(details.ownerName());
        createdBy.setValue(details.createdByName());
        issued.setValue(PatFormat.exact(details.issuedAt()));
        hint.setValue(details.secretHint() == null ? "" : details.secretHint());
        revokedAt.setVisible(details.revokedAt() != null);
        revokedAt.setValue(
                details.revokedAt() == null
                        ? ""
                        : format.relative(details.revokedAt()) + " · " + PatFormat.exact(details.revokedAt()));
        expires.setValue(
                details.expiresAt() == null
                        ? getTranslation("pat.ui.expires.neverLong")
                        : format.relative(details.expiresAt()) + " · " + PatFormat.exact(details.expiresAt()));
        expires.setClassName("sk-risk-field", details.expiresAt() == null);
        lastUsed.setValue(
                details.lastUsedAt() == null
                        ? getTranslation("pat.ui.lastUsed.never")
                        : getTranslation(
                                "pat.ui.lastUsed.value",
                                format.relative(details.lastUsedAt()),
                                PatFormat.exact(details.lastUsedAt()),
                                details.lastUsedIp() == null ? "?" : details.lastUsedIp()));
        revoke.setEnabled(details.status() != PatStatus.REVOKED);
        regenerate.setEnabled(!details.regenerationBlocked());
        revokedNote.setVisible(details.regenerationBlocked());
        revokedNote.setText(
                !details.regenerationBlocked()
                        ? ""
                        : getTranslation(
                                "pat.ui.revokedNote",
                                getTranslation(details.revokedBy().labelKey()),
                                PatFormat.exact(details.revokedAt()),
                                details.revokedReason() == null
                                        ? getTranslation("pat.error.revokedFinal.noReason")
                                        : details.revokedReason()));
        // The grace of a rotation (and its "Stop now") is the owner's; an administrator viewing a token they
        // minted for someone else is not its owner, and the owner-only lifecycle service would answer "not found".
        graceRow.show(administering ? Optional.empty() : lifecycle.grace(details.id()));
    }

    private void stopGrace() {
        attempt(() -> {
            lifecycle.endGrace(pat.id());
            show(pats.get(pat.id()));
            Feedback.success("pat.ui.grace.stopped");
        });
    }

    private void rename() {
        errors.clear();
        try {
            show(pats.rename(pat.id(), name.getValue()));
            Feedback.show(getTranslation("pat.ui.detail.renamed"), NotificationVariant.SUCCESS);
        } catch (ServiceException e) {
            errors.show(e);
        }
    }

    private void describe() {
        errors.clear();
        try {
            show(pats.describe(pat.id(), description.getValue()));
            Feedback.show(getTranslation("pat.ui.detail.described"), NotificationVariant.SUCCESS);
        } catch (ServiceException e) {
            errors.show(e);
        }
    }

    private void showSecret(String secret) {
        secretSlot.removeAll();
        String domainId = pat.scopes().stream()
                .findFirst()
                .map(s -> Long.toString(s.domainId()))
                .or(() -> scopeChoices.currentDomain().map(d -> Long.toString(d.id())))
                .orElse("{domainId}");
        secretPanel = new SecretPanel(secret, baseUrl(), domainId);
        secretSlot.add(secretPanel);
    }

    static String baseUrl() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            HttpServletRequest http = request.getHttpServletRequest();
            if (http.getServerName() != null && !http.getServerName().isBlank()) {
                boolean defaultPort = http.getServerPort() <= 0
                        || ("http".equals(http.getScheme()) && http.getServerPort() == 80)
                        || ("https".equals(http.getScheme()) && http.getServerPort() == 443);
                return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                        + http.getContextPath();
            }
        }
        return "http://localhost:8080";
    }

    // --- status row ---

    private void confirmRevoke() {
        PatDetailConfirmations.revoke(
                this,
                pat,
                () -> attempt(() -> {
                    show(administering ? patAdministration.revoke(pat.id()) : pats.revoke(pat.id()));
                    Feedback.success("pat.ui.revoke.done", pat.name());
                }));
    }

    private void openRegenerate() {
        regenerateDialog.open(pat, issued -> {
            show(issued.pat());
            showSecret(issued.secret());
            Feedback.show(getTranslation("pat.ui.regenerate.done", pat.name()), NotificationVariant.SUCCESS);
        });
    }

    // --- scopes ---

    private Button deleteScopeButton(PatScopeView scope) {
        Button delete = new Button(VaadinIcon.TRASH.create());
        delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        delete.setAriaLabel(getTranslation("pat.ui.scope.delete"));
        delete.setTooltipText(getTranslation("pat.ui.scope.delete"));
        delete.setAriaLabel(getTranslation("pat.ui.scope.deleteOne", ScopeGridColumns.describe(this, scope)));
        delete.setTooltipText(getTranslation("pat.ui.scope.deleteOne", ScopeGridColumns.describe(this, scope)));
        delete.addClickListener(e -> {
            try {
                show(pats.removeScopesById(pat.id(), List.of(scope.id())));
                offerUndo(scope);
            } catch (ServiceException ex) {
                errors.show(ex);
            }
            scopeGrid.getDataProvider().refreshAll();
            addScope.focus(); // the row and its button are gone: keep focus in the scope section
        });
        return delete;
    }

    /** A deleted scope can be put back from the notice, instead of a confirmation before every delete. */
    private void offerUndo(PatScopeView scope) {
        Button undo = new Button(getTranslation("pat.ui.scope.undo"));
        undo.addThemeVariants(ButtonVariant.TERTIARY);
        Notification notice = Feedback.show(
                NotificationVariant.SUCCESS,
                new Span(getTranslation("pat.ui.scope.deletedUndo", ScopeGridColumns.describe(this, scope))),
                undo);
        notice.setDuration(8_000);
        undo.addClickListener(e -> {
            notice.close();
            attempt(() -> {
                show(pats.addScopes(
                        pat.id(),
                        List.of(new ScopeRequest(
                                scope.domainId(), scope.entityType(), scope.operation(), scope.entity()))));
                Feedback.success("pat.ui.scope.restored");
            });
            scopeGrid.getDataProvider().refreshAll();
        });
        notice.addClassName("sk-undo-notice");
    }

    private void openAddScope() {
        addScopeDialog.open(pat, added -> {
            show(added);
            scopeGrid.getDataProvider().refreshAll();
            Feedback.show(getTranslation("pat.ui.scopes.added"), NotificationVariant.SUCCESS);
        });
    }

    private void confirmClearScopes() {
        PatDetailConfirmations.clearScopes(this, pat, () -> {
            attempt(() -> {
                show(pats.clearScopes(pat.id()));
                Feedback.success("pat.ui.scopes.deleteAll.done");
            });
            scopeGrid.getDataProvider().refreshAll();
        });
    }

    /** Runs a change and shows a refusal readably. */
    private void attempt(Runnable change) {
        try {
            change.run();
        } catch (ServiceException ex) {
            errors.show(ex);
        }
    }

    @Override
    public String getPageTitle() {
        return pat == null
                ? getTranslation("pat.ui.list.title")
                : getTranslation("pat.ui.detail.pageTitle", pat.name());
    }
}
