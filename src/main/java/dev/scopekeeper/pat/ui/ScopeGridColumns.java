package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.scopekeeper.base.ui.HiddenHeader;
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
        scopeGrid
                .addColumn(PatScopeView::domainName)
                .setHeader(host.getTranslation("pat.ui.scope.domain"))
                .setKey("domain")
                .setAutoWidth(true);
        scopeGrid
                .addColumn(s -> host.getTranslation("entityType." + s.entityType()))
                .setHeader(host.getTranslation("pat.ui.scope.entityType"))
                .setKey("entityType")
                .setAutoWidth(true);
        scopeGrid
                .addColumn(s -> "*".equals(s.operation())
                        ? host.getTranslation("pat.ui.scope.allOperationsShort")
                        : s.operation())
                .setHeader(host.getTranslation("pat.ui.scope.operation"))
                .setKey("operation")
                .setAutoWidth(true);
        scopeGrid
                .addColumn(s -> s.entityName() == null ? host.getTranslation("pat.ui.scope.any") : s.entityName())
                .setHeader(host.getTranslation("pat.ui.scope.entity"))
                .setKey("entity")
                .setAutoWidth(true);
        scopeGrid
                .addComponentColumn(effective::apply)
                .setHeader(host.getTranslation("pat.ui.scope.effective"))
                .setKey("effective")
                .setAutoWidth(true);
        scopeGrid
                .addComponentColumn(deleteButton::apply)
                .setHeader(new HiddenHeader("grid.column.delete"))
                .setKey("actions")
                .setFlexGrow(0)
                .setWidth("5rem")
                // with the Effective column the row is wider than a phone: the delete button stays on screen
                .setFrozenToEnd(true);
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
