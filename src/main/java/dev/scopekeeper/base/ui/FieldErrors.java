package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.scopekeeper.base.ServiceException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Shows a service's validation error at the form field it names, or as an error notification when
 * no field of the form matches. Keeps every form's error handling the same.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final BiFunction<String, Object[], String> translate;

    public FieldErrors(BiFunction<String, Object[], String> translate) {
        this.translate = translate;
    }

    public FieldErrors bind(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    public void clear() {
        fields.values().forEach(field -> {
            field.setInvalid(false);
            field.setErrorMessage(null);
        });
    }

    public void show(ServiceException e) {
        String message = translate.apply(e.messageKey(), e.args());
        HasValidation field = e instanceof ServiceException.InvalidInput invalid && invalid.field() != null
                ? fields.get(invalid.field())
                : null;
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
            if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
                focusable.focus();
            }
        } else {
            Feedback.show(message, NotificationVariant.ERROR);
        }
    }
}
