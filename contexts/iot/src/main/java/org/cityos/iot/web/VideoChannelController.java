package org.cityos.iot.web;

import java.util.List;
import java.util.Set;
import org.cityos.iot.VideoChannel;
import org.cityos.iot.VideoChannelId;
import org.cityos.iot.VideoChannels;
import org.cityos.kernel.Page;
import org.cityos.kernel.PageRequest;
import org.cityos.kernel.access.Actor;
import org.cityos.kernel.problem.InvalidInput;
import org.cityos.spatial.Crs;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The video channel catalogue over HTTP: list and filter, create, read, change. */
@RestController
@RequestMapping(path = "/api/video-channels", produces = MediaType.APPLICATION_JSON_VALUE)
public class VideoChannelController {
    private final VideoChannels channels;

    public VideoChannelController(VideoChannels channels) {
        this.channels = channels;
    }

    @GetMapping
    public Page<VideoChannelView> list(
            Actor actor,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String crs,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        Crs shown = VideoParams.crs(crs);
        Page<VideoChannel> page = channels.list(
                actor, VideoParams.filter(division, department, status, type, q), PageRequest.of(offset, limit));
        Set<VideoChannelId> viewable = channels.viewable(actor, page.items());
        return page.map(c -> VideoChannelView.of(c, shown, viewable.contains(c.id())));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    public VideoChannelView create(Actor actor, @RequestBody VideoChannelRequest request) {
        Crs shown = request.shownIn();
        return view(actor, channels.create(actor, request.draft()), shown);
    }

    @GetMapping("/{id}")
    public VideoChannelView get(Actor actor, @PathVariable String id, @RequestParam(required = false) String crs) {
        Crs shown = VideoParams.crs(crs);
        return view(actor, channels.get(actor, VideoParams.id(id)), shown);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public VideoChannelView change(Actor actor, @PathVariable String id, @RequestBody VideoChannelRequest request) {
        VideoChannelId channelId = VideoParams.id(id);
        if (request.version() == null) {
            throw InvalidInput.of("version", "validation.required");
        }
        Crs shown = request.shownIn();
        return view(actor, channels.change(actor, channelId, request.version(), request.draft()), shown);
    }

    private VideoChannelView view(Actor actor, VideoChannel c, Crs crs) {
        return VideoChannelView.of(c, crs, channels.viewable(actor, List.of(c)).contains(c.id()));
    }
}
