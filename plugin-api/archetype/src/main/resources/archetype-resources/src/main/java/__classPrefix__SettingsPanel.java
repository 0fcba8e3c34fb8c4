package ${package};

import com.hirerelay.api.FieldError;
import com.hirerelay.api.hris.ConnectedAccount;
import com.hirerelay.api.hris.ConnectionSettings;
import com.hirerelay.api.settings.ConnectForm;
import com.hirerelay.api.settings.ConnectionDetail;
import com.hirerelay.api.settings.IntegrationSettingsPanel;
import com.hirerelay.api.settings.SettingField;
import com.hirerelay.api.settings.SettingFieldType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** The integration card: where ${hrSystemName}'s API is and the token to call it with. */
@Extension
public class ${classPrefix}SettingsPanel implements IntegrationSettingsPanel {

    private static final ConnectForm FORM = new ConnectForm(
            "Connect ${hrSystemName} with an API token of an account that may create employees.",
            List.of(
                    SettingField.of(${classPrefix}Settings.BASE_URL, "API address", SettingFieldType.URL)
                            .asRequired()
                            .withHelp("For example https://api.example.com/api.", null),
                    SettingField.of(${classPrefix}Settings.API_TOKEN, "API token", SettingFieldType.SECRET)
                            .asRequired()
                            .withHelp("Create one in ${hrSystemName} under Settings, API.", null)));

    @Override
    public String connectorId() {
        return ${classPrefix}Connector.ID;
    }

    @Override
    public ConnectForm connectForm() {
        return FORM;
    }

    @Override
    public List<FieldError> validate(Map<String, String> values) {
        String address = values.get(${classPrefix}Settings.BASE_URL);
        if (address != null && !isWebAddress(address)) {
            return List.of(new FieldError(${classPrefix}Settings.BASE_URL, "Enter an address starting with https://."));
        }
        return List.of();
    }

    @Override
    public List<ConnectionDetail> connectionDetails(ConnectedAccount account, ConnectionSettings settings) {
        return List.of(
                new ConnectionDetail("Account", account.accountName()),
                new ConnectionDetail("API address", settings.valueOr(${classPrefix}Settings.BASE_URL, "-")));
    }

    static boolean isWebAddress(String text) {
        try {
            URI uri = URI.create(text.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
