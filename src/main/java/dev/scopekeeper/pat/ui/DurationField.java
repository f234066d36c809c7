package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import dev.scopekeeper.pat.PatDuration;
import dev.scopekeeper.pat.PatPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The validity choice of a new or regenerated token: {@code 1 day} … {@code 1 year}, {@code Custom date}
 * (shows a date picker) and {@code Never} (shows a warning; absent when the policy forbids it). Choices
 * longer than the policy's maximum lifetime are not offered.
 */
class DurationField extends Div implements HasValidation {

    enum Choice {
        DAY_1(1),
        DAYS_7(7),
        DAYS_30(30),
        DAYS_60(60),
        DAYS_90(90),
        YEAR_1(365),
        CUSTOM(0),
        NEVER(0);

        final int days;

        Choice(int days) {
            this.days = days;
        }

        String key() {
            return "pat.ui.duration." + name().toLowerCase();
        }
    }

    final Select<Choice> duration = new Select<>();
    final DatePicker customDate = new DatePicker();
    final Div neverWarning = new Div();
    private final Choice defaultChoice;

    DurationField(PatPolicy policy, Clock clock) {
        addClassName("sk-duration");
        long maxDays = policy.maxLifetime().toDays();
        List<Choice> choices = Arrays.stream(Choice.values())
                .filter(c -> c.days == 0 || c.days <= maxDays)
                .filter(c -> c != Choice.NEVER || policy.neverAllowed())
                .toList();
        defaultChoice = choices.contains(Choice.DAYS_30) ? Choice.DAYS_30 : choices.getFirst();
        duration.setLabel(getTranslation("pat.ui.field.duration"));
        duration.setItems(choices);
        duration.setItemLabelGenerator(c -> getTranslation(c.key()));
        // no required indicator: vaadin-select puts aria-required on its value button, where it is not allowed
        // (axe: critical); the select always holds a choice anyway
        duration.addValueChangeListener(e -> choiceChanged());

        customDate.setLabel(getTranslation("pat.ui.field.expiryDate"));
        customDate.setHelperText(getTranslation("pat.ui.field.expiryDate.help"));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        customDate.setMin(today.plusDays(1));
        customDate.setMax(today.plusDays(Math.max(1, maxDays - 1)));
        customDate.setRequiredIndicatorVisible(true);

        Span icon = new Span(VaadinIcon.WARNING.create());
        icon.getElement().setAttribute("aria-hidden", "true");
        neverWarning.add(icon, new Span(getTranslation("pat.ui.duration.neverWarning")));
        neverWarning.addClassName("sk-warning");
        neverWarning.getElement().setAttribute("role", "alert");
        add(duration, customDate, neverWarning);
        reset();
    }

    void reset() {
        duration.setValue(defaultChoice);
        customDate.clear();
        setInvalid(false);
        choiceChanged();
    }

    private void choiceChanged() {
        customDate.setVisible(duration.getValue() == Choice.CUSTOM);
        neverWarning.setVisible(duration.getValue() == Choice.NEVER);
        duration.setInvalid(false);
        customDate.setInvalid(false);
    }

    /** The chosen duration, or empty after marking the field that is missing a value. */
    Optional<PatDuration> value() {
        Choice choice = duration.getValue();
        if (choice == null) {
            showError(getTranslation("pat.validation.duration.required"));
            return Optional.empty();
        }
        return switch (choice) {
            case NEVER -> Optional.of(PatDuration.never());
            case CUSTOM -> {
                if (customDate.isEmpty() || customDate.isInvalid()) {
                    showError(getTranslation("pat.ui.field.expiryDate.required"));
                    yield Optional.empty();
                }
                // valid through the whole chosen day (UTC)
                yield Optional.of(PatDuration.until(customDate
                        .getValue()
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()));
            }
            default -> Optional.of(PatDuration.days(choice.days));
        };
    }

    private void showError(String message) {
        setErrorMessage(message);
        setInvalid(true);
    }

    private HasValidation target() {
        return duration.getValue() == Choice.CUSTOM ? customDate : duration;
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        target().setErrorMessage(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return target().getErrorMessage();
    }

    @Override
    public void setInvalid(boolean invalid) {
        if (!invalid) {
            duration.setInvalid(false);
            customDate.setInvalid(false);
        } else {
            target().setInvalid(true);
        }
    }

    @Override
    public boolean isInvalid() {
        return duration.isInvalid() || customDate.isInvalid();
    }
}
