package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.scopekeeper.base.ui.HiddenHeader;
import dev.scopekeeper.base.ui.PhoneWidth;
import dev.scopekeeper.pat.PatAccessCheck;
import dev.scopekeeper.pat.PatScopeView;
import java.util.List;
import java.util.function.Function;

/** The columns of {@link PatDetailView}'s scope grid and what a scope row says; the view keeps the grid. */
final class ScopeGridColumns {

    private ScopeGridColumns() {}

    /** {@code host}: the view whose locale the texts are in; {@code deleteButton}: the row's delete action. */
    static void configure(
            Grid<PatScopeView> scopeGrid,
            Component host,
            Function<PatScopeView, Button> deleteButton,
            Function<PatScopeView, Component> effective) {
        scopeGrid.addClassName("sk-scope-grid");
        scopeGrid.setAriaLabel(host.getTranslation("pat.ui.scopes.title"));
        Grid.Column<PatScopeView> domain = scopeGrid
                .addColumn(PatScopeView::domainName)
                .setHeader(host.getTranslation("pat.ui.scope.domain"))
                .setKey("domain")
                .setAutoWidth(true);
        Grid.Column<PatScopeView> entityType = scopeGrid
                .addColumn(s -> host.getTranslation("entityType." + s.entityType()))
                .setHeader(host.getTranslation("pat.ui.scope.entityType"))
                .setKey("entityType")
                .setAutoWidth(true);
        Grid.Column<PatScopeView> operation = scopeGrid
                .addColumn(s -> "*".equals(s.operation())
                        ? host.getTranslation("pat.ui.scope.allOperationsShort")
                        : s.operation())
                .setHeader(host.getTranslation("pat.ui.scope.operation"))
                .setKey("operation")
                .setAutoWidth(true);
        Grid.Column<PatScopeView> entity = scopeGrid
                .addColumn(s -> s.entityName() == null ? host.getTranslation("pat.ui.scope.any") : s.entityName())
                .setHeader(host.getTranslation("pat.ui.scope.entity"))
                .setKey("entity")
                .setAutoWidth(true);
        Grid.Column<PatScopeView> effect = scopeGrid
                .addComponentColumn(effective::apply)
                .setHeader(host.getTranslation("pat.ui.scope.effective"))
                .setKey("effective")
                .setAutoWidth(true);
        // at phone width one compact column says the whole scope and what it is worth, so nothing is cut
        Grid.Column<PatScopeView> compact = scopeGrid
                .addComponentColumn(s -> {
                    Span scope = new Span(describe(host, s));
                    Div cell = new Div(scope, effective.apply(s));
                    cell.addClassName("sk-grid-stack");
                    return cell;
                })
                .setHeader(host.getTranslation("pat.ui.scope.scope"))
                .setKey("scope")
                .setFlexGrow(1);
        scopeGrid
                .addComponentColumn(deleteButton::apply)
                .setHeader(new HiddenHeader("grid.column.delete"))
                .setKey("actions")
                .setFlexGrow(0)
                .setWidth("5rem")
                // with the Effective column the row is wider than a phone: the delete button stays on screen
                .setFrozenToEnd(true);
        PhoneWidth.columns(host, List.of(domain, entityType, operation, entity, effect), List.of(compact));
        // the rows are the scopes the page loaded with the token (names resolved in batches): no second load
        scopeGrid.setItems(List.of());
        scopeGrid.setAllRowsVisible(true);
        Paragraph empty = new Paragraph(host.getTranslation("pat.ui.scopes.empty"));
        empty.addClassName("sk-muted");
        scopeGrid.setEmptyStateComponent(empty);
    }

    /** The Effective cell: "Effective", or "Not effective: the owner is a viewer in Kitchen" and the like. */
    static Component effectCell(Component host, PatAccessCheck.ScopeEffect effect) {
        Span cell = new Span(effect == null ? "" : host.getTranslation(effect.detailKey(), effect.detailArgs()));
        cell.addClassName(effect == null || effect.effective() ? "sk-scope-effective" : "sk-scope-ineffective");
        return cell;
    }

    /** "Clients · view · Sensor 7 in Acme": what a scope row says, for its delete button and the undo notice. */
    static String describe(Component host, PatScopeView scope) {
        return host.getTranslation("entityType." + scope.entityType()) + " · "
                + ("*".equals(scope.operation())
                        ? host.getTranslation("pat.ui.scope.allOperationsShort")
                        : scope.operation())
                + " · " + (scope.entityName() == null ? host.getTranslation("pat.ui.scope.any") : scope.entityName())
                + " · " + scope.domainName();
    }
}
