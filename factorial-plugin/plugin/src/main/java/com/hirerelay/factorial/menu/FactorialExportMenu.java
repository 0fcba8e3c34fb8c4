package com.hirerelay.factorial.menu;

import com.hirerelay.api.menu.ExportMenuContribution;
import com.hirerelay.api.menu.MenuItem;
import com.hirerelay.api.menu.MenuPlacement;
import com.hirerelay.factorial.FactorialPlugin;
import java.util.EnumSet;
import org.pf4j.Extension;

/**
 * "Export to FactorialHr" on the candidate list, the candidate page and the pipeline's Hired stage, for
 * admins, hiring managers and recruiters, on hired candidates, while Factorial is connected.
 */
@Extension
public class FactorialExportMenu implements ExportMenuContribution {

    private static final MenuItem ITEM = new MenuItem(
            "export-to-factorial",
            "Export to FactorialHr",
            FactorialPlugin.CONNECTOR_ID,
            EnumSet.allOf(MenuPlacement.class),
            MenuItem.EXPORTING_ROLES,
            100);

    @Override
    public MenuItem menuItem() {
        return ITEM;
    }
}
