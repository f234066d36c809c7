package dev.scopekeeper.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.sql.SQLNonTransientConnectionException;

/** {@link DatabaseUnavailableView} for a connection that broke while in use (SQLState class 08). */
@AnonymousAllowed
public class BrokenConnectionView extends Composite<DatabaseUnavailableView>
        implements HasErrorParameter<SQLNonTransientConnectionException>, HasDynamicTitle {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SQLNonTransientConnectionException> parameter) {
        return getContent().unavailable(event);
    }

    @Override
    public String getPageTitle() {
        return getContent().getPageTitle();
    }
}
