package org.cityos.spatial.internal.poi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.cityos.spatial.Poi;
import org.cityos.spatial.PoiId;

/**
 * POI names tokenised by Lucene's SmartChineseAnalyzer (HMM word segmentation) in memory: 医院 finds
 * 大兴区人民医院. The index holds ids, class and place code only; callers reload the POIs from the
 * database, so an entry that lags a write on another node can at worst cost a hit, never show stale data.
 */
public final class PoiNameIndex implements AutoCloseable {
    private static final String ID = "id";
    private static final String NAME = "name";
    private static final String CLASS = "class";
    private static final String PLACE = "place";

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** One page of matching ids, best first, and how many match in all. */
    public record Result(List<UUID> ids, long total) {}

    public PoiNameIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
            writer.commit();
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void replaceAll(Iterable<Poi> pois) {
        try {
            writer.deleteAll();
            for (Poi p : pois) {
                writer.addDocument(document(p));
            }
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void put(Collection<Poi> pois) {
        try {
            for (Poi p : pois) {
                writer.updateDocument(new Term(ID, p.id().toString()), document(p));
            }
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(Collection<PoiId> ids) {
        try {
            for (PoiId id : ids) {
                writer.deleteDocuments(new Term(ID, id.toString()));
            }
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    /**
     * Names containing every word of {@code text} (or, when nothing has them all, at least half of
     * them), optionally of one class and under one place prefix, limited to the scope prefixes
     * ({@code null} = unrestricted).
     */
    public Result search(String text, String classCode, String placePrefix, List<String> scope, int offset, int limit) {
        List<String> words = words(text);
        if (words.isEmpty() || (scope != null && scope.isEmpty())) {
            return new Result(List.of(), 0);
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query all = query(words, words.size(), classCode, placePrefix, scope);
                long total = searcher.count(all);
                if (total == 0 && words.size() > 1) {
                    all = query(words, (words.size() + 1) / 2, classCode, placePrefix, scope);
                    total = searcher.count(all);
                }
                TopDocs top = searcher.search(all, Math.max(1, offset + limit));
                List<UUID> ids = new ArrayList<>();
                for (int i = offset; i < top.scoreDocs.length; i++) {
                    ScoreDoc hit = top.scoreDocs[i];
                    ids.add(UUID.fromString(
                            searcher.storedFields().document(hit.doc).get(ID)));
                }
                return new Result(ids, total);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words SmartChineseAnalyzer makes of a text, without repeats. */
    public List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(NAME, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(words);
    }

    private static Query query(
            List<String> words, int mustMatch, String classCode, String placePrefix, List<String> scope) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        words.forEach(w -> text.add(new TermQuery(new Term(NAME, w)), Occur.SHOULD));
        text.setMinimumNumberShouldMatch(mustMatch);
        BooleanQuery.Builder q = new BooleanQuery.Builder().add(text.build(), Occur.MUST);
        if (classCode != null) {
            q.add(new TermQuery(new Term(CLASS, classCode)), Occur.FILTER);
        }
        if (placePrefix != null) {
            q.add(new PrefixQuery(new Term(PLACE, placePrefix)), Occur.FILTER);
        }
        if (scope != null) {
            BooleanQuery.Builder anyScope = new BooleanQuery.Builder();
            scope.forEach(prefix -> anyScope.add(new PrefixQuery(new Term(PLACE, prefix)), Occur.SHOULD));
            q.add(anyScope.build(), Occur.FILTER);
        }
        return q.build();
    }

    private static Document document(Poi p) {
        Document d = new Document();
        d.add(new StringField(ID, p.id().toString(), Field.Store.YES));
        d.add(new TextField(NAME, p.name(), Field.Store.NO));
        d.add(new StringField(CLASS, p.classCode(), Field.Store.NO));
        d.add(new StringField(PLACE, p.place().value(), Field.Store.NO));
        return d;
    }

    private void refresh() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
