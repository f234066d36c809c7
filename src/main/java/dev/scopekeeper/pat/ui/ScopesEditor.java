package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.pat.ui.ScopeChoices.EntityOption;
import dev.scopekeeper.security.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Rows of Domain → Entity type → Operation(s) → Entity (or "Any"). The operations come from the
 * catalogue of the chosen entity type, each with its one-line description; "All operations" stands
 * for {@code *}. Used by the creation page and the Add Scope dialog.
 */
class ScopesEditor extends Div implements HasValidation {

    final Div rows = new Div();
    final Button addRow = new Button();
    final Span error = new Span();
    final List<Row> scopeRows = new ArrayList<>();
    private final ScopeChoices choices;
    private final int initialRows;
    private DomainView defaultDomain;
    /** Whose domains are offered: null for the caller's own, else the user a token is minted for. */
    private Long ownerId;

    /** The username of {@link #ownerId}, for the messages that name them. */
    private String ownerName;

    private boolean oneOperation;

    ScopesEditor(ScopeChoices choices, int initialRows) {
        this.choices = choices;
        this.initialRows = initialRows;
        addClassName("sk-scopes-editor");
        rows.addClassName("sk-scope-rows");
        defaultDomain = choices.currentDomain().orElse(null);
        addRow.setText(getTranslation("pat.ui.scopes.addRow"));
        addRow.setIcon(VaadinIcon.PLUS.create());
        addRow.addThemeVariants(ButtonVariant.TERTIARY);
        addRow.addClickListener(e -> addRow().domain.focus());
        error.addClassName("sk-field-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(rows, error, addRow);
        reset();
    }

    /**
     * Offers only the domains of {@code owner} (null: the caller's own) in every row. A row keeps what was
     * chosen in it: a row nobody has touched yet (or without a domain) gets the owner's first domain, and a row
     * the user has filled in keeps its domain, and when the owner is not in it says so at its Domain field (what
     * was chosen never changes silently).
     */
    void offerDomainsOf(UserProfile owner) {
        this.ownerId = owner == null ? null : owner.id();
        this.ownerName = owner == null ? null : owner.username();
        defaultDomain = owner == null
                ? choices.currentDomain().orElse(null)
                : choices.domainsOf(owner.id(), "", 0, 1).findFirst().orElse(null);
        for (Row row : scopeRows) {
            row.domain.getDataProvider().refreshAll();
            DomainView chosen = row.domain.getValue();
            if (chosen != null && offered(chosen)) {
                continue;
            }
            if (chosen == null || !row.touched()) {
                row.domain.setValue(defaultDomain);
            } else {
                row.markNotMember();
            }
        }
    }

    /** Whether {@code domain} is one of the domains this editor offers (the owner's). */
    private boolean offered(DomainView domain) {
        Stream<DomainView> named = ownerId == null
                ? choices.domains(domain.name(), 0, ListQuery.MAX_LIMIT)
                : choices.domainsOf(ownerId, domain.name(), 0, ListQuery.MAX_LIMIT);
        return named.anyMatch(d -> d.id() == domain.id());
    }

    /**
     * Shows a refusal of the service at the row (and field) it is about, in the words of that row (the domain
     * and entity names chosen there, never an id), and focuses that field; what was typed stays. False when the
     * refusal is not about a row this editor holds (the caller shows it elsewhere).
     */
    boolean showAtRow(ServiceException e) {
        Object[] args = e.args();
        String first = args.length > 0 ? String.valueOf(args[0]) : null;
        List<HasValidation> marked = new ArrayList<>();
        for (Row row : scopeRows) {
            HasValidation field =
                    switch (e.messageKey()) {
                        case "pat.validation.scope.domainUnknown" -> row.refusedDomain(first);
                        case "pat.validation.scope.domainRequired" -> row.missingDomain();
                        case "pat.validation.scope.entityUnknown" -> row.refusedEntity(first);
                        case "pat.validation.scope.operationUnknown" ->
                            row.refusedOperation(first, getTranslation(e.messageKey(), args));
                        default -> null;
                    };
            if (field != null) {
                marked.add(field);
            }
        }
        if (marked.isEmpty()) {
            return false;
        }
        if (marked.getFirst() instanceof Focusable<?> focusable) {
            focusable.focus();
        }
        return true;
    }

    Row addRow() {
        Row row = new Row();
        if (oneOperation) {
            row.askForOneOperation();
        }
        scopeRows.add(row);
        rows.add(row);
        return row;
    }

    /**
     * For a question rather than a grant (the Check access panel): one row of one operation, nothing to add or
     * remove and no "All operations"; picking a second operation replaces the first.
     */
    void askForOneOperation() {
        oneOperation = true;
        addRow.setVisible(false);
        scopeRows.forEach(Row::askForOneOperation);
    }

    void reset() {
        scopeRows.clear();
        rows.removeAll();
        setInvalid(false);
        for (int i = 0; i < initialRows; i++) {
            addRow();
        }
    }

    /** Marks incomplete rows; true when every row is complete. */
    boolean validate() {
        setInvalid(false);
        boolean valid = true;
        for (Row row : scopeRows) {
            valid &= row.validate();
        }
        return valid;
    }

    /** One request per chosen operation (or one with {@code *}) of every row. */
    List<ScopeRequest> value() {
        return scopeRows.stream().flatMap(row -> row.requests().stream()).toList();
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        error.setText(errorMessage == null ? "" : errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        error.setVisible(invalid);
        if (!invalid) {
            scopeRows.forEach(Row::clearErrors);
        }
    }

    @Override
    public boolean isInvalid() {
        return error.isVisible() || scopeRows.stream().anyMatch(Row::isInvalid);
    }

    /** One scope row. */
    final class Row extends Div {
        final ComboBox<DomainView> domain = new ComboBox<>();
        final Select<EntityType> entityType = new Select<>();
        final MultiSelectComboBox<Operation> operations = new MultiSelectComboBox<>();
        final Checkbox allOperations = new Checkbox();
        final ComboBox<EntityOption> entity = new ComboBox<>();
        final Span domainLocked = new Span();
        final Button remove = new Button(VaadinIcon.TRASH.create());
        /** Whether the user picked this row's domain (not just the default it started with). */
        private boolean domainChosen;

        Row() {
            addClassName("sk-scope-row");
            domain.setLabel(getTranslation("pat.ui.scope.domain"));
            domain.setItemLabelGenerator(DomainView::name);
            domain.setItems(Pages.lazy((filter, offset, limit) -> ownerId == null
                    ? choices.domains(filter, offset, limit)
                    : choices.domainsOf(ownerId, filter, offset, limit)));
            domain.setRequiredIndicatorVisible(true);
            domain.setValue(defaultDomain);
            domain.addValueChangeListener(e -> {
                domainChosen |= e.isFromClient();
                domain.setInvalid(false);
                entityChoicesChanged();
            });

            entityType.setLabel(getTranslation("pat.ui.scope.entityType"));
            entityType.setItems(EntityType.values());
            entityType.setItemLabelGenerator(t -> getTranslation("entityType." + t.wireName()));
            entityType.setValue(EntityType.CLIENTS);
            entityType.addValueChangeListener(e -> typeChanged());

            operations.setLabel(getTranslation("pat.ui.scope.operation"));
            operations.setItemLabelGenerator(Operation::wireName);
            operations.setRenderer(new ComponentRenderer<>(op -> {
                Span name = new Span(op.wireName());
                name.addClassName("sk-operation-name");
                Span description = new Span(getTranslation(op.descriptionKey()));
                description.addClassName("sk-operation-description");
                Div item = new Div(name, description);
                item.addClassName("sk-operation-item");
                return item;
            }));
            operations.setHelperText(getTranslation("pat.ui.scope.operation.help"));
            operations.addValueChangeListener(e -> operations.setInvalid(false));

            allOperations.setLabel(getTranslation("pat.ui.scope.allOperations"));
            allOperations.addValueChangeListener(e -> {
                operations.setEnabled(!e.getValue());
                operations.setInvalid(false);
            });

            entity.setLabel(getTranslation("pat.ui.scope.entity"));
            entity.setItemLabelGenerator(o -> o.isAny() ? getTranslation("pat.ui.scope.any") : o.name());
            entity.addValueChangeListener(e -> entity.setInvalid(false));

            domainLocked.setText(getTranslation("pat.ui.scope.domainLocked"));
            domainLocked.addClassName("sk-muted");

            remove.setAriaLabel(getTranslation("pat.ui.scopes.removeRow"));
            remove.setTooltipText(getTranslation("pat.ui.scopes.removeRow"));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.addClickListener(e -> {
                scopeRows.remove(this);
                rows.remove(this);
            });

            Div operationCell = new Div(operations, allOperations);
            operationCell.addClassName("sk-scope-operations");
            add(domain, entityType, operationCell, entity, domainLocked, remove);
            typeChanged();
        }

        private void askForOneOperation() {
            remove.setVisible(false);
            allOperations.setValue(false);
            allOperations.setVisible(false);
            operations.setHelperText(getTranslation("pat.ui.scope.operation.one"));
            operations.addValueChangeListener(e -> {
                if (e.getValue().size() > 1) {
                    Set<Operation> added = new LinkedHashSet<>(e.getValue());
                    added.removeAll(e.getOldValue());
                    operations.setValue(
                            added.isEmpty()
                                    ? Set.of(e.getValue().iterator().next())
                                    : Set.of(added.iterator().next()));
                }
            });
        }

        private void typeChanged() {
            EntityType type = entityType.getValue();
            operations.clear();
            operations.setItems(type.operations());
            entity.setVisible(type != EntityType.DOMAINS);
            domainLocked.setVisible(type == EntityType.DOMAINS);
            entityChoicesChanged();
        }

        private void entityChoicesChanged() {
            DomainView chosen = domain.getValue();
            EntityType type = entityType.getValue();
            if (chosen == null || type == EntityType.DOMAINS) {
                entity.setItems(Pages.lazy((filter, offset, limit) -> java.util.stream.Stream.of(EntityOption.ANY)));
            } else {
                long domainId = chosen.id();
                entity.setItems(
                        Pages.lazy((filter, offset, limit) -> choices.entities(domainId, type, filter, offset, limit)));
            }
            entity.setValue(EntityOption.ANY);
        }

        /** This row's Domain is not one the owner is a member of: said at the field, the choice kept. */
        HasValidation markNotMember() {
            String name = domain.getValue() == null ? "" : domain.getValue().name();
            domain.setErrorMessage(
                    ownerName == null
                            ? getTranslation("pat.ui.scope.domain.notMember.self", name)
                            : getTranslation("pat.ui.scope.domain.notMember.other", name, ownerName));
            domain.setInvalid(true);
            return domain;
        }

        private HasValidation refusedDomain(String domainId) {
            DomainView chosen = domain.getValue();
            return chosen != null && String.valueOf(chosen.id()).equals(domainId) ? markNotMember() : null;
        }

        private HasValidation missingDomain() {
            if (domain.getValue() != null) {
                return null;
            }
            domain.setErrorMessage(getTranslation("pat.ui.scope.domain.required"));
            domain.setInvalid(true);
            return domain;
        }

        private HasValidation refusedEntity(String entityId) {
            EntityOption chosen = entity.getValue();
            if (!entity.isVisible()
                    || chosen == null
                    || chosen.isAny()
                    || !chosen.id().equals(entityId)) {
                return null;
            }
            entity.setErrorMessage(getTranslation(
                    "pat.ui.scope.entity.gone",
                    chosen.name(),
                    domain.getValue() == null ? "" : domain.getValue().name()));
            entity.setInvalid(true);
            return entity;
        }

        private HasValidation refusedOperation(String operation, String message) {
            boolean chosen = !allOperations.getValue()
                    && operations.getValue().stream()
                            .anyMatch(op -> op.wireName().equals(operation));
            if (!chosen) {
                return null;
            }
            operations.setErrorMessage(message);
            operations.setInvalid(true);
            return operations;
        }

        /** Whether the user has chosen anything in this row (beyond the defaults it started with). */
        boolean touched() {
            return domainChosen
                    || entityType.getValue() != EntityType.CLIENTS
                    || allOperations.getValue()
                    || !operations.getValue().isEmpty()
                    || (entity.getValue() != null && !entity.getValue().isAny());
        }

        boolean validate() {
            boolean valid = true;
            if (domain.getValue() == null) {
                domain.setErrorMessage(getTranslation("pat.ui.scope.domain.required"));
                domain.setInvalid(true);
                valid = false;
            }
            if (!allOperations.getValue() && operations.getValue().isEmpty()) {
                // a question names the one operation it asks about; a grant one or more, or all of them
                operations.setErrorMessage(getTranslation(
                        oneOperation ? "pat.ui.scope.operation.requiredOne" : "pat.ui.scope.operation.required"));
                operations.setInvalid(true);
                valid = false;
            }
            return valid;
        }

        void clearErrors() {
            domain.setInvalid(false);
            operations.setInvalid(false);
            entity.setInvalid(false);
        }

        boolean isInvalid() {
            return domain.isInvalid() || operations.isInvalid() || entity.isInvalid();
        }

        List<ScopeRequest> requests() {
            if (domain.getValue() == null) {
                return List.of();
            }
            long domainId = domain.getValue().id();
            String type = entityType.getValue().wireName();
            String target = entityType.getValue() == EntityType.DOMAINS || entity.getValue() == null
                    ? "*"
                    : entity.getValue().id();
            if (allOperations.getValue()) {
                return List.of(new ScopeRequest(domainId, type, "*", target));
            }
            return operations.getValue().stream()
                    .sorted()
                    .map(op -> new ScopeRequest(domainId, type, op.wireName(), target))
                    .toList();
        }
    }
}
