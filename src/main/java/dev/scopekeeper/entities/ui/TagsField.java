package dev.scopekeeper.entities.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Tags: pick existing ones or type a new one and press Enter. */
class TagsField extends MultiSelectComboBox<String> {

    private final Set<String> options = new LinkedHashSet<>();

    TagsField(String label) {
        setLabel(label);
        setAllowCustomValue(true);
        setHelperText(getTranslation("entityDetail.tags.help"));
        setItems(options);
        addCustomValueSetListener(e -> addTag(e.getDetail()));
    }

    /** What typing a new tag and pressing Enter does. */
    void addTag(String tag) {
        String trimmed = tag == null ? "" : tag.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        Set<String> selected = new LinkedHashSet<>(getValue());
        selected.add(trimmed);
        options.add(trimmed);
        getDataProvider().refreshAll();
        setValue(selected);
    }

    void setTags(Collection<String> tags) {
        options.addAll(tags);
        getDataProvider().refreshAll();
        setValue(new LinkedHashSet<>(tags));
    }

    List<String> tags() {
        return List.copyOf(getSelectedItems());
    }
}
