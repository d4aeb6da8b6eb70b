package org.cityos.casework.internal.categories;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.cityos.casework.Category;
import org.cityos.casework.CategoryProperties;
import org.cityos.casework.internal.categories.SuggestionModel.Document;
import org.cityos.casework.internal.categories.SuggestionModel.Leaf;
import org.cityos.casework.internal.categories.SuggestionModel.Scored;
import org.cityos.casework.persistence.CategoryRepository;
import org.cityos.casework.persistence.CategoryRepository.LabelledText;
import org.cityos.jobs.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps a suggestion model trained on the active leaves and the most recent categorised cases, rebuilt in the
 * background and swapped in whole. Every leaf's own name and its ancestors' names are documents too, so a fresh
 * installation without cases still suggests; past cases soon outweigh them.
 */
@Component
public class CategorySuggester implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(CategorySuggester.class);
    /** A leaf's own name counts as this many documents: names are short and exact. */
    private static final int NAME_WEIGHT = 3;

    private final CategoryRepository repository;
    private final CategoryProperties properties;
    private final TextFeatures features = new TextFeatures();
    private final AtomicReference<SuggestionModel> model = new AtomicReference<>();
    private final Timer suggestTimer;
    private final Timer trainTimer;
    private final PeriodicJob job;

    public CategorySuggester(CategoryRepository repository, CategoryProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.properties = properties;
        this.suggestTimer = Timer.builder("cityos.casework.categories.suggest")
                .description("Time to suggest categories for one text")
                .register(meters);
        this.trainTimer = Timer.builder("cityos.casework.categories.train")
                .description("Time to rebuild the category suggestion model")
                .register(meters);
        Gauge.builder("cityos.casework.categories.model.vocabulary", model, m -> {
                    SuggestionModel current = m.get();
                    return current == null ? 0 : current.vocabulary();
                })
                .register(meters);
        // Trained in the background as the application starts (not holding up readiness), then refreshed; an
        // intake that comes first trains it itself.
        this.job = PeriodicJob.every("cityos-category-model", properties.refresh(), this::retrainQuietly)
                .runningFirstAtStart();
    }

    /** Rebuilds the model from the tree and the cases as they are now, and swaps it in. */
    public synchronized SuggestionModel retrain() {
        return trainTimer.record(() -> {
            CategoryTree tree = CategoryTree.of(repository.all());
            List<Leaf> leaves = new ArrayList<>();
            Map<String, Integer> index = new HashMap<>();
            List<Category> usable =
                    tree.preorder().stream().filter(c -> tree.usable(c.code())).toList();
            List<LabelledText> cases = repository.labelledCases(properties.trainingCases());
            Map<String, Integer> perLeaf = new HashMap<>();
            for (LabelledText t : cases) {
                perLeaf.merge(t.categoryCode(), 1, Integer::sum);
            }
            List<Document> documents = new ArrayList<>();
            for (Category c : usable) {
                index.put(c.code(), leaves.size());
                List<String> names = tree.pathNames(c);
                leaves.add(new Leaf(c.code(), c.name(), names, perLeaf.getOrDefault(c.code(), 0)));
                int at = leaves.size() - 1;
                documents.add(new Document(at, features.of(c.name()), NAME_WEIGHT));
                documents.add(new Document(at, features.of(String.join(" ", names.subList(0, names.size() - 1))), 1));
            }
            for (LabelledText t : cases) {
                Integer at = index.get(t.categoryCode());
                if (at != null) {
                    documents.add(new Document(at, features.of(t.text()), 1));
                }
            }
            SuggestionModel trained = SuggestionModel.train(leaves, documents);
            model.set(trained);
            log.debug(
                    "Category model: {} leaves, {} cases, {} features",
                    leaves.size(),
                    cases.size(),
                    trained.vocabulary());
            return trained;
        });
    }

    /** The best leaves for the text, best first; trains first if no model exists yet. */
    public List<Scored> suggest(String text, int limit) {
        SuggestionModel current = model.get();
        if (current == null) {
            current = retrain();
        }
        SuggestionModel m = current;
        return suggestTimer.record(() -> m.suggest(features.of(text), limit));
    }

    @Override
    public void start() {
        if (properties.scheduled()) {
            job.start();
        }
    }

    private void retrainQuietly() {
        try {
            retrain();
        } catch (RuntimeException e) {
            // The old model keeps serving; the next round tries again.
            log.warn("Rebuilding the category suggestion model failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        job.stop();
    }

    @Override
    public boolean isRunning() {
        return job.isRunning();
    }
}
