package org.cityos.iot;

import tools.jackson.databind.JsonNode;

/** What an operator fills in to register or change a platform integration. */
public record IntegrationDraft(
        String name,
        String vendor,
        PayloadForm form,
        JsonNode mapping,
        String deviceKeyPath,
        Integration.DeviceKeyKind deviceKeyKind,
        String itemsPath,
        Boolean enabled) {}
