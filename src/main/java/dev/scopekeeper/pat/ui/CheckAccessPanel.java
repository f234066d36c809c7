package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.authz.AccessDecision;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.authz.Scope;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.pat.PatAccessCheck;
import dev.scopekeeper.pat.PatAccessCheck.CheckResult;
import dev.scopekeeper.pat.PatDetails;
import dev.scopekeeper.pat.PatScopeView;
import dev.scopekeeper.pat.PatService;
import dev.scopekeeper.pat.ScopeRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The detail page's Check access panel: the scope simulator. Choose domain, entity type, operation and entity with
 * the pickers of Add Scope, or paste a request line; see Allowed or Denied with the rule that decided (from {@link
 * PatAccessCheck}, the rule that enforces requests) and, when a scope would allow it, an Add this scope button.
 */
final class CheckAccessPanel extends Section {

    final ScopesEditor pickers;
    final Button checkChoice = new Button();
    final TextField requestLine = new TextField();
    final Button checkLine = new Button();
    final Div result = new Div();
    final Span verdict = new Span();
    final Paragraph detail = new Paragraph();
    final Paragraph closest = new Paragraph();
    final Button addSuggested = new Button();

    private final PatAccessCheck checks;
    private final PatService pats;
    private final Supplier<PatDetails> token;
    private final Consumer<PatDetails> onScopeAdded;
    private final FieldErrors errors;
    private Runnable lastCheck;
    private Scope suggestion;

    CheckAccessPanel(
            PatAccessCheck checks,
            PatService pats,
            ScopeChoices scopeChoices,
            Supplier<PatDetails> token,
            Consumer<PatDetails> onScopeAdded) {
        this.checks = checks;
        this.pats = pats;
        this.token = token;
        this.onScopeAdded = onScopeAdded;
        addClassNames("sk-section", "sk-check-access");
        pickers = new ScopesEditor(scopeChoices, 1);
        pickers.askForOneOperation();
        checkChoice.setText(getTranslation("pat.ui.check.run"));
        checkChoice.addThemeVariants(ButtonVariant.PRIMARY);
        checkChoice.addClickListener(e -> checkPicked());
        requestLine.setLabel(getTranslation("pat.ui.check.requestLine"));
        requestLine.setPlaceholder(getTranslation("pat.ui.check.requestLine.placeholder"));
        requestLine.setHelperText(getTranslation("pat.ui.check.requestLine.help"));
        requestLine.addClassName("sk-check-line");
        checkLine.setText(getTranslation("pat.ui.check.runLine"));
        checkLine.addClickListener(e -> checkRequestLine());
        errors = new FieldErrors(this::getTranslation)
                .bind("path", requestLine)
                .bind("method", requestLine)
                .bind("domain_id", pickers);
        verdict.addClassName("sk-badge");
        closest.addClassName("sk-muted");
        addSuggested.setText(getTranslation("pat.ui.check.addScope"));
        addSuggested.addThemeVariants(ButtonVariant.PRIMARY);
        addSuggested.addClickListener(e -> {
            if (suggestion != null) {
                addSuggestedScope(suggestion);
            }
        });
        result.addClassName("sk-check-result");
        result.getElement().setAttribute("role", "status");
        result.add(verdict, detail, closest, addSuggested);
        result.setVisible(false);
        Div lineRow = new Div(requestLine, checkLine);
        lineRow.addClassName("sk-check-line-row");
        add(
                new H2(getTranslation("pat.ui.check.title")),
                new Paragraph(getTranslation("pat.ui.check.intro")),
                pickers,
                checkChoice,
                lineRow,
                result);
    }

    private void checkPicked() {
        startCheck();
        if (!pickers.validate()) {
            return;
        }
        List<ScopeRequest> picked = pickers.value();
        if (picked.size() != 1 || "*".equals(picked.getFirst().operation())) {
            pickers.setErrorMessage(getTranslation("pat.ui.check.oneOperation"));
            pickers.setInvalid(true);
            return;
        }
        ScopeRequest scope = picked.getFirst();
        EntityType type = EntityType.fromWire(scope.entityType()).orElseThrow();
        Operation op = Operation.find(type, scope.operation()).orElseThrow();
        Long entity = scope.entity() == null || "*".equals(scope.entity()) ? null : Long.valueOf(scope.entity());
        run(() -> checks.check(token.get().id(), scope.domainId(), op, entity));
    }

    private void checkRequestLine() {
        startCheck();
        String line =
                requestLine.getValue() == null ? "" : requestLine.getValue().strip();
        String[] parts = line.split("\\s+");
        if (parts.length < 2) {
            requestLine.setErrorMessage(getTranslation("pat.ui.check.requestLine.invalid"));
            requestLine.setInvalid(true);
            return;
        }
        run(() -> checks.checkRequest(token.get().id(), parts[0], parts[1]));
    }

    /**
     * A new question: the last answer goes at once, so a refused input is never shown beside the verdict of an
     * earlier request.
     */
    private void startCheck() {
        errors.clear();
        result.setVisible(false);
        suggestion = null;
        lastCheck = null;
    }

    private void run(Supplier<CheckResult> check) {
        try {
            show(check.get());
            lastCheck = () -> show(check.get());
        } catch (ServiceException ex) {
            errors.show(ex);
        }
    }

    void show(CheckResult answer) {
        AccessDecision decision = answer.decision();
        result.setVisible(true);
        verdict.setText(getTranslation(decision.allowed() ? "pat.ui.check.allowed" : "pat.ui.check.denied"));
        verdict.removeClassNames("sk-badge-active", "sk-badge-revoked");
        verdict.addClassName(decision.allowed() ? "sk-badge-active" : "sk-badge-revoked");
        detail.setText(getTranslation(answer.detailKey(), answer.detailArgs()));
        // the scopes in the words of the scope grid: entity and domain by name, never an id
        Optional<PatScopeView> near = Optional.ofNullable(answer.closestScope());
        closest.setVisible(near.isPresent());
        closest.setText(near.map(s -> getTranslation("pat.ui.check.closest", ScopeGridColumns.describe(this, s)))
                .orElse(""));
        Scope suggested = decision.suggestedScope();
        boolean offer = suggested != null && token.get().status() == dev.scopekeeper.pat.PatStatus.ACTIVE;
        addSuggested.setVisible(offer);
        suggestion = offer ? suggested : null;
        if (offer) {
            String named =
                    answer.suggestedScope() == null ? "" : ScopeGridColumns.describe(this, answer.suggestedScope());
            addSuggested.setAriaLabel(getTranslation("pat.ui.check.addScopeNamed", named));
            addSuggested.setTooltipText(named);
        }
    }

    /** Adds the suggested scope of the last answer, then checks the same again. */
    void addSuggestedScope(Scope suggested) {
        try {
            PatDetails updated = pats.addScopes(
                    token.get().id(),
                    List.of(new ScopeRequest(
                            suggested.domainId(),
                            suggested.entityType().wireName(),
                            suggested.operation(),
                            suggested.entity())));
            onScopeAdded.accept(updated);
            if (lastCheck != null) {
                lastCheck.run();
            }
        } catch (ServiceException ex) {
            errors.show(ex);
        }
    }
}
