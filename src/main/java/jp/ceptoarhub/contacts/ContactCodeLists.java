package jp.ceptoarhub.contacts;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CodeLists;
import jp.ceptoarhub.api.Labelled;

import java.util.List;
import java.util.Map;

@Singleton
class ContactCodeLists implements CodeLists {
    @Override
    public Map<String, List<? extends Labelled>> codeLists() {
        return Map.of(
                "ContactRole", Labelled.all(ContactCodes.OrgRole.class),
                "ContactFunction", Labelled.all(ContactCodes.ContactFunction.class),
                "CallOrder", Labelled.all(ContactCodes.CallOrder.class),
                "ChannelType", Labelled.all(ContactCodes.ChannelType.class),
                "ContactAvailability", Labelled.all(ContactCodes.Availability.class));
    }
}
