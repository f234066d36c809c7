package dev.scopekeeper.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.scopekeeper.audit.AuditEntry;
import dev.scopekeeper.audit.AuditEventType;
import dev.scopekeeper.audit.AuditService;
import dev.scopekeeper.audit.AuditService.AuditQuery;
import dev.scopekeeper.base.ListQuery;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.FieldErrors;
import dev.scopekeeper.base.ui.PhoneWidth;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code /admin/audit}: the audit log, filtered by time (UTC), actor, event type and token; CSV of the filtered view. */
@Route("admin/audit")
@RolesAllowed("ADMIN")
@Menu(title = "admin.audit.nav", order = 93, icon = "RECORDS")
class AdminAuditView extends Main implements HasDynamicTitle {

    private final AuditService audit;
    final DateTimePicker from = new DateTimePicker();
    final DateTimePicker to = new DateTimePicker();
    final TextField actor = new TextField();
    final Select<Optional<AuditEventType>> type = new Select<>();
    final IntegerField tokenId = new IntegerField();
    final Grid<AuditEntry> grid = new Grid<>();
    final Anchor download;
    private final FieldErrors errors;
    /** The filters as last applied; the download reads it, so the CSV is the view on screen. */
    private volatile AuditQuery current;

    AdminAuditView(AuditService audit) {
        this.audit = audit;
        addClassName("sk-page");
        from.setLabel(getTranslation("admin.audit.from"));
        to.setLabel(getTranslation("admin.audit.to"));
        actor.setLabel(getTranslation("admin.audit.actor"));
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        actor.setClearButtonVisible(true);
        type.setLabel(getTranslation("admin.audit.type"));
        List<Optional<AuditEventType>> types = new ArrayList<>();
        types.add(Optional.empty());
        for (AuditEventType t : AuditEventType.values()) {
            types.add(Optional.of(t));
        }
        type.setItems(types);
        type.setItemLabelGenerator(t -> t.map(this::eventLabel).orElse(getTranslation("admin.filter.all")));
        type.setValue(Optional.empty());
        tokenId.setLabel(getTranslation("admin.audit.token"));
        tokenId.setClearButtonVisible(true);
        errors = new FieldErrors(this::getTranslation).bind("to", to);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        actor.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());
        tokenId.addValueChangeListener(e -> refresh());

        grid.addColumn(e -> AdminFormat.instant(e.occurredAt(), ""))
                .setHeader(getTranslation("admin.audit.time"))
                .setKey("time");
        grid.addColumn(e -> eventLabel(e.eventType()))
                .setHeader(getTranslation("admin.audit.type"))
                .setKey("type")
                .setTooltipGenerator(e -> e.eventType().name())
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actorName)
                .setHeader(getTranslation("admin.audit.actor"))
                .setKey("actor");
        Grid.Column<AuditEntry> target = grid.addColumn(e -> e.targetType() == null
                        ? ""
                        : e.targetType() + (e.targetId() == null ? "" : " #" + e.targetId()))
                .setHeader(getTranslation("admin.audit.target"));
        Grid.Column<AuditEntry> ip = grid.addColumn(AuditEntry::ip).setHeader(getTranslation("admin.audit.ip"));
        Grid.Column<AuditEntry> details = grid.addColumn(AuditEntry::details)
                .setHeader(getTranslation("admin.audit.details"))
                .setKey("details");
        // at phone width when, what and who stay on screen
        PhoneWidth.hideColumns(this, target, ip, details);
        grid.setItems(
                q -> audit
                        .list(current.withPage(q.getOffset(), Math.max(1, Math.min(q.getLimit(), ListQuery.MAX_LIMIT))))
                        .items()
                        .stream(),
                q -> (int) Math.min(
                        Integer.MAX_VALUE, audit.list(current.withPage(0, 1)).total()));

        download = new Anchor(csvDownload(), "");
        Button downloadButton = new Button(getTranslation("admin.audit.download"), VaadinIcon.DOWNLOAD.create());
        downloadButton.setTabIndex(-1);
        download.add(downloadButton);
        download.getElement().setAttribute("download", true);
        current = filters();

        HorizontalLayout filterBar = new HorizontalLayout(from, to, actor, type, tokenId, download);
        filterBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filterBar.setWrap(true);
        add(new H1(getTranslation("admin.audit.title")), filterBar, grid);
    }

    private DownloadHandler csvDownload() {
        return event -> {
            event.setFileName("audit.csv");
            event.setContentType("text/csv;charset=UTF-8");
            try (OutputStream out = event.getOutputStream()) {
                audit.exportCsv(current, out);
            }
        };
    }

    AuditQuery filters() {
        return new AuditQuery(
                from.getValue() == null ? null : from.getValue().toInstant(ZoneOffset.UTC),
                to.getValue() == null ? null : to.getValue().toInstant(ZoneOffset.UTC),
                actor.getValue(),
                type.getValue().orElse(null),
                tokenId.getValue() == null ? null : tokenId.getValue().longValue(),
                0,
                1);
    }

    private void refresh() {
        errors.clear();
        AuditQuery next = filters();
        try {
            audit.list(next);
            current = next;
            grid.getDataProvider().refreshAll();
        } catch (ServiceException e) {
            errors.show(e);
        }
    }

    /** Test and deep-link helper: the current time range picker values, in UTC. */
    void range(LocalDateTime start, LocalDateTime end) {
        from.setValue(start);
        to.setValue(end);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.audit.title");
    }

    /** Words for an event ("Token use denied"); the code (PAT_USE_DENIED) stays in the tooltip and the CSV. */
    String eventLabel(AuditEventType type) {
        String key = "admin.audit.event." + type.name();
        String label = getTranslation(key);
        return label == null || label.isBlank() || label.contains(key) ? type.name() : label;
    }
}
