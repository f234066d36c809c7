package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.scopekeeper.base.ServiceException;
import dev.scopekeeper.base.ui.FieldErrors;

/** Name, (description) and tags of a new client, channel or group. */
class CreateDialog extends Dialog {

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final TagsField tags = new TagsField(getTranslation("entityList.tags"));
    final Button create = new Button();

    CreateDialog(String title, boolean withDescription, EntityListView.Creation creation) {
        setHeaderTitle(title);
        name.setLabel(getTranslation("entityList.name"));
        name.setRequiredIndicatorVisible(true);
        name.setAutofocus(true);
        description.setLabel(getTranslation("entityList.description"));
        description.setVisible(withDescription);
        FieldErrors errors = new FieldErrors(this::getTranslation)
                .bind("name", name)
                .bind("description", description)
                .bind("tags", tags);
        create.setText(getTranslation("entityList.createButton"));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> {
            errors.clear();
            try {
                creation.create(name.getValue(), description.getValue(), tags.tags());
                close();
            } catch (ServiceException ex) {
                errors.show(ex);
            }
        });
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        FormLayout form = new FormLayout(name, description, tags);
        form.addClassName("sk-dialog-form");
        add(form);
        getFooter().add(cancel, create);
    }
}
