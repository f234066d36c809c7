package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.scopekeeper.base.ListResult;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.Feedback;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.HiddenHeader;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Links between entities (a client's channels, a channel's clients, a group's children): a lazy grid of the
 * linked ones with a remove button per row (or, without a list, a Remove button), and a lazy combo box of
 * candidates with an Add button. Translation keys: {@code prefix.title|field|add|added|remove|removed}.
 */
class LinkSection<T> extends Section {

    final ComboBox<T> candidate = new ComboBox<>();
    final Button add = new Button();
    final Button remove = new Button();
    final Grid<T> grid = new Grid<>();
    final Div controls;

    /** What a section needs to know: how to list, name, identify, link and unlink. */
    record Spec<T>(
            String prefix,
            Function<T, String> name,
            ToLongFunction<T> id,
            BiFunction<Integer, Integer, ListResult<T>> linked,
            TriFunction<Integer, Integer, String, ListResult<T>> candidates,
            Consumer<Long> link,
            Consumer<Long> unlink) {}

    interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    LinkSection(Spec<T> spec, boolean canEdit) {
        addClassName("sk-section");
        add(new H2(getTranslation(spec.prefix() + ".title")));
        FieldErrors errors = new FieldErrors(this::getTranslation);
        if (spec.linked() != null) {
            grid.addColumn(spec.name()::apply).setHeader(getTranslation("entityList.name"));
            if (canEdit) {
                grid.addComponentColumn(item -> {
                            Button unlink = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                                if (run(errors, () -> spec.unlink()
                                        .accept(spec.id().applyAsLong(item)))) {
                                    Feedback.success(
                                            spec.prefix() + ".removed",
                                            spec.name().apply(item));
                                }
                            });
                            unlink.setAriaLabel(getTranslation(
                                    spec.prefix() + ".remove", spec.name().apply(item)));
                            unlink.setTooltipText(unlink.getAriaLabel().orElse(""));
                            unlink.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                            return unlink;
                        })
                        .setHeader(new HiddenHeader("grid.column.remove"))
                        .setFlexGrow(0)
                        .setWidth("4rem");
            }
            grid.setAllRowsVisible(true);
            grid.addThemeVariants(GridVariant.NO_BORDER);
            grid.setAriaLabel(getTranslation(spec.prefix() + ".title"));
            grid.setItems(q -> Feedback.fetch(q.getOffset(), q.getLimit(), spec.linked()), q ->
                    (int) spec.linked().apply(0, 1).total());
            grid.addClassName("sk-link-grid");
            add(grid);
        } else {
            grid.setVisible(false);
        }
        candidate.setLabel(getTranslation(spec.prefix() + ".field"));
        candidate.setItemLabelGenerator(spec.name()::apply);
        candidate.setItems(q -> Feedback.fetch(q.getOffset(), q.getLimit(), (offset, limit) -> spec.candidates()
                .apply(offset, limit, q.getFilter().orElse(null))));
        add.setText(getTranslation(spec.prefix() + ".add"));
        add.addClickListener(e -> {
            T chosen = candidate.getValue();
            if (chosen == null) {
                candidate.setInvalid(true);
                candidate.setErrorMessage(getTranslation("entityDetail.choose"));
                return;
            }
            if (run(errors, () -> spec.link().accept(spec.id().applyAsLong(chosen)))) {
                Feedback.success(spec.prefix() + ".added", spec.name().apply(chosen));
                candidate.clear();
            }
        });
        remove.setText(getTranslation(spec.prefix() + ".removeButton"));
        remove.setVisible(spec.linked() == null);
        remove.addClickListener(e -> {
            T chosen = candidate.getValue();
            if (chosen == null) {
                candidate.setInvalid(true);
                candidate.setErrorMessage(getTranslation("entityDetail.choose"));
                return;
            }
            if (run(errors, () -> spec.unlink().accept(spec.id().applyAsLong(chosen)))) {
                Feedback.success(spec.prefix() + ".removed", spec.name().apply(chosen));
                candidate.clear();
            }
        });
        controls = new Div(candidate, add, remove);
        controls.addClassName("sk-toolbar");
        controls.setVisible(canEdit);
        add(controls);
    }

    private boolean run(FieldErrors errors, Runnable action) {
        candidate.setInvalid(false);
        try {
            action.run();
            grid.getDataProvider().refreshAll();
            return true;
        } catch (ServiceException e) {
            errors.show(e);
            return false;
        }
    }
}
