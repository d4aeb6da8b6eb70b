package org.cityos.casework.web;

import static org.cityos.casework.web.CaseParams.enumOf;

import org.cityos.casework.CaseCommands.RateCase;
import org.cityos.casework.CitizenView;
import org.cityos.casework.PublicRequests;
import org.cityos.casework.Satisfaction;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizen's own request, public and found only by the token given at intake: where it stands, its public
 * timeline and answer, and the citizen's rating of that answer.
 */
@RestController
@RequestMapping(path = "/api/public/requests/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
public class CitizenRequestController {
    /** The citizen's rating: solved or not, how satisfied, a comment. */
    public record Rating(Boolean solved, String satisfaction, String comment) {}

    private final PublicRequests requests;

    public CitizenRequestController(PublicRequests requests) {
        this.requests = requests;
    }

    @GetMapping
    public CitizenView view(@PathVariable String token) {
        return requests.view(token);
    }

    @PostMapping("/rating")
    public CitizenView rate(@PathVariable String token, @RequestBody Rating body) {
        return requests.rate(
                token,
                new RateCase(
                        body.solved(),
                        enumOf(Satisfaction.class, "satisfaction", body.satisfaction(), null),
                        body.comment()));
    }
}
