package org.cityos.mqtt.server;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;

/** Builds the pipeline of each accepted device connection. */
final class DeviceChannels extends ChannelInitializer<SocketChannel> {
    // 3.1 limits client ids to 23 characters; devices in the field send longer ones and 3.1.1 allows them
    private static final int MAX_CLIENT_ID_LENGTH = 256;

    private final EndpointContext endpoint;
    private final ChannelGroup open;

    DeviceChannels(EndpointContext endpoint, ChannelGroup open) {
        this.endpoint = endpoint;
        this.open = open;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        open.add(channel);
        channel.pipeline()
                // the decoder refuses a packet by its announced length, before buffering its body
                .addLast("decoder", new MqttDecoder(endpoint.settings().maxMessageBytes(), MAX_CLIENT_ID_LENGTH))
                .addLast("encoder", MqttEncoder.INSTANCE)
                .addLast("device", new DeviceConnection(endpoint));
    }
}
