package com.hirerelay.example.folder;

import com.hirerelay.api.FieldError;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.settings.ConnectForm;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.settings.SettingField;
import com.hirerelay.api.settings.SettingFieldType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The folder card: where to write, and an optional key to sign each file with. */
@Extension
public class FolderSettingsPanel implements IntegrationSettingsPanel {

    private static final ConnectForm FORM = new ConnectForm(
            "Each exported hire becomes one JSON file in this folder, named after the employee's e-mail address.",
            List.of(
                    SettingField.of(FolderSettings.FOLDER, "Folder", SettingFieldType.TEXT)
                            .asRequired()
                            .withHelp("An absolute path on the ATS server, for example /srv/hr-import.", null),
                    SettingField.of(FolderSettings.SIGNING_KEY, "Signing key", SettingFieldType.SECRET)
                            .withHelp(
                                    "Optional. Adds an HMAC-SHA256 signature to each file for your importer to check.",
                                    null)));

    @Override
    public String connectorId() {
        return FolderExportConnector.ID;
    }

    @Override
    public ConnectForm connectForm() {
        return FORM;
    }

    @Override
    public List<FieldError> validate(Map<String, String> values) {
        String folder = values.get(FolderSettings.FOLDER);
        if (folder != null && !Path.of(folder).isAbsolute()) {
            return List.of(new FieldError(FolderSettings.FOLDER, "Enter an absolute path, starting with /."));
        }
        return List.of();
    }

    @Override
    public List<ConnectionDetail> connectionDetails(ConnectedAccount account, ConnectionSettings settings) {
        return List.of(
                new ConnectionDetail("Folder", settings.valueOr(FolderSettings.FOLDER, "?")),
                new ConnectionDetail(
                        "Signed files",
                        settings.value(FolderSettings.SIGNING_KEY).isPresent() ? "Yes" : "No"));
    }
}
