package org.cityos.mqtt.server;

import java.util.concurrent.ConcurrentHashMap;

/** Connected sessions by client id, so that a device reconnecting with the same id replaces its old connection. */
final class ClientRegistry {
    private final ConcurrentHashMap<String, DeviceConnection> byClientId = new ConcurrentHashMap<>();

    /** @return the connection this one replaces, or null */
    DeviceConnection register(String clientId, DeviceConnection connection) {
        return byClientId.put(clientId, connection);
    }

    /** Only removes the entry if it is still this connection: a replacement may already own the id. */
    void unregister(String clientId, DeviceConnection connection) {
        byClientId.remove(clientId, connection);
    }

    int size() {
        return byClientId.size();
    }
}
