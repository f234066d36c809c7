package dev.scopekeeper.pat.ui;

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
import dev.scopekeeper.domains.DomainView;
import dev.scopekeeper.pat.ScopeRequest;
import dev.scopekeeper.pat.ui.ScopeChoices.EntityOption;
import java.util.ArrayList;
import java.util.List;

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
     * Offers only the domains of {@code userId} (null: the caller's own) in every row; rows pointing at a
     * domain that user is not in are cleared.
     */
    void offerDomainsOf(Long userId) {
        this.ownerId = userId;
        defaultDomain = userId == null
                ? choices.currentDomain().orElse(null)
                : choices.domainsOf(userId, "", 0, 1).findFirst().orElse(null);
        for (Row row : scopeRows) {
            row.domain.getDataProvider().refreshAll();
            row.domain.setValue(defaultDomain);
        }
    }

    Row addRow() {
        Row row = new Row();
        scopeRows.add(row);
        rows.add(row);
        return row;
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

        boolean validate() {
            boolean valid = true;
            if (domain.getValue() == null) {
                domain.setErrorMessage(getTranslation("pat.ui.scope.domain.required"));
                domain.setInvalid(true);
                valid = false;
            }
            if (!allOperations.getValue() && operations.getValue().isEmpty()) {
                operations.setErrorMessage(getTranslation("pat.ui.scope.operation.required"));
                operations.setInvalid(true);
                valid = false;
            }
            return valid;
        }

        void clearErrors() {
            domain.setInvalid(false);
            operations.setInvalid(false);
        }

        boolean isInvalid() {
            return domain.isInvalid() || operations.isInvalid();
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
