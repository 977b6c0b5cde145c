// Plain C API over Xapian (see include/hoso_xapian.h). Every entry point runs its body through
// `guard`, which turns any exception into an hx_error and a status: nothing escapes to Swift.
#include "hoso_xapian.h"
#include <xapian.h>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct hx_error { std::string message; std::string cls; };
struct hx_wdb { Xapian::WritableDatabase db; };
struct hx_db { Xapian::Database db; };
struct hx_doc { Xapian::Document doc; };
struct hx_query { Xapian::Query q; };
struct hx_enquire {
    Xapian::Enquire enq;
    std::vector<Xapian::valueno> facetSlots;
    explicit hx_enquire(const Xapian::Database &db) : enq(db) {}
};
struct hx_mset {
    Xapian::Enquire enq;  // shares the enquire's internals: needed by get_matching_terms
    Xapian::MSet mset;
    std::vector<std::vector<std::pair<std::string, Xapian::doccount>>> facets;
    std::deque<std::string> scratch;  // storage for the const char * handed out
    // The last hit's document: its data and values are read one call each, and fetching the document for
    // every call read it again (five fetches a hit).
    Xapian::doccount cachedIndex = Xapian::doccount(-1);
    Xapian::Document cached;
    hx_mset(const Xapian::Enquire &e, const Xapian::MSet &m) : enq(e), mset(m) {}
};
struct hx_termlist {
    // Either a live iterator (begin/end) or a materialised list (items/next).
    bool live = false;
    bool wdf = false;  // a document's termlist reports wdf, others termfreq
    Xapian::TermIterator it, end;
    std::vector<std::pair<std::string, Xapian::doccount>> items;
    size_t next = 0;
    std::string current;
    bool started = false;
};

namespace {

// Runs inside catch handlers, so it must not throw: copying the strings may fail for want of memory, and the
// caller then gets no error value (the Swift side reports an unknown error).
void set_error(hx_error **err, const char *cls, const char *message) noexcept {
    if (!err) return;
    try {
        *err = new hx_error{message, cls};
    } catch (...) {
        *err = nullptr;
    }
}

template <class F> int guard(hx_error **err, F &&body) {
    try {
        body();
        return HX_OK;
    } catch (const Xapian::Error &e) {
        // The description is built (allocated) here: when that fails, the bare message is taken.
        try {
            std::string description = e.get_description();
            set_error(err, e.get_type(), description.c_str());
        } catch (...) {
            set_error(err, e.get_type(), e.get_msg().c_str());
        }
    } catch (const std::bad_alloc &) {
        set_error(err, "std::bad_alloc", "out of memory");
    } catch (const std::exception &e) {
        set_error(err, "std::exception", e.what());
    } catch (...) {
        set_error(err, "unknown", "unknown C++ exception");
    }
    return HX_ERROR;
}

// Copies bytes into a malloc'ed buffer (NUL-terminated for convenience).
void give_bytes(const std::string &s, char **out, size_t *len) {
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (!p) throw std::bad_alloc();
    std::memcpy(p, s.data(), s.size());
    p[s.size()] = '\0';
    *out = p;
    *len = s.size();
}

std::string bytes(const void *p, size_t len) {
    return p ? std::string(static_cast<const char *>(p), len) : std::string();
}

Xapian::MSetIterator hit_at(hx_mset *m, size_t i) {
    if (i >= m->mset.size()) throw Xapian::RangeError("hit index out of range");
    return m->mset[Xapian::doccount(i)];
}

const Xapian::Document &document_at(hx_mset *m, size_t i) {
    if (m->cachedIndex != Xapian::doccount(i)) {
        m->cached = hit_at(m, i).get_document();
        m->cachedIndex = Xapian::doccount(i);
    }
    return m->cached;
}

}  // namespace

extern "C" {

const char *hx_version(void) { return Xapian::version_string(); }
const char *hx_error_message(const hx_error *e) { return e->message.c_str(); }
const char *hx_error_class(const hx_error *e) { return e->cls.c_str(); }
void hx_error_free(hx_error *e) { delete e; }
void hx_free(void *p) { std::free(p); }

// ---- writable database ----

int hx_wdb_open(const char *path, int mode, int flags, hx_wdb **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] {
        int action = Xapian::DB_CREATE_OR_OPEN;
        switch (mode) {
            case HX_DB_CREATE_OR_OPEN: action = Xapian::DB_CREATE_OR_OPEN; break;
            case HX_DB_CREATE_OR_OVERWRITE: action = Xapian::DB_CREATE_OR_OVERWRITE; break;
            case HX_DB_CREATE: action = Xapian::DB_CREATE; break;
            case HX_DB_OPEN: action = Xapian::DB_OPEN; break;
            default: throw Xapian::InvalidArgumentError("unknown open mode");
        }
        if (flags & ~HX_DB_NO_SYNC) throw Xapian::InvalidArgumentError("unknown open flags");
        if (flags & HX_DB_NO_SYNC) action |= Xapian::DB_NO_SYNC;
        *out = new hx_wdb{Xapian::WritableDatabase(path, action)};
    });
}
void hx_wdb_free(hx_wdb *db) {
    if (!db) return;
    guard(nullptr, [&] { db->db.close(); });
    delete db;
}
int hx_wdb_close(hx_wdb *db, hx_error **err) { return guard(err, [&] { db->db.close(); }); }
int hx_wdb_commit(hx_wdb *db, hx_error **err) { return guard(err, [&] { db->db.commit(); }); }
int hx_wdb_begin_transaction(hx_wdb *db, int flushed, hx_error **err) {
    return guard(err, [&] { db->db.begin_transaction(flushed != 0); });
}
int hx_wdb_commit_transaction(hx_wdb *db, hx_error **err) {
    return guard(err, [&] { db->db.commit_transaction(); });
}
int hx_wdb_cancel_transaction(hx_wdb *db, hx_error **err) {
    return guard(err, [&] { db->db.cancel_transaction(); });
}
int hx_wdb_replace_by_term(hx_wdb *db, const char *unique_term, const hx_doc *doc, uint32_t *docid, hx_error **err) {
    return guard(err, [&] {
        Xapian::docid id = db->db.replace_document(unique_term, doc->doc);
        if (docid) *docid = id;
    });
}
int hx_wdb_add_document(hx_wdb *db, const hx_doc *doc, uint32_t *docid, hx_error **err) {
    return guard(err, [&] {
        Xapian::docid id = db->db.add_document(doc->doc);
        if (docid) *docid = id;
    });
}
int hx_wdb_delete_by_term(hx_wdb *db, const char *unique_term, hx_error **err) {
    return guard(err, [&] { db->db.delete_document(unique_term); });
}
int hx_wdb_doc_count(hx_wdb *db, uint32_t *out, hx_error **err) {
    return guard(err, [&] { *out = db->db.get_doccount(); });
}
int hx_wdb_termfreq(hx_wdb *db, const char *term, uint32_t *out, hx_error **err) {
    return guard(err, [&] { *out = db->db.get_termfreq(term); });
}
int hx_wdb_get_metadata(hx_wdb *db, const char *key, char **out, size_t *len, hx_error **err) {
    *out = nullptr;
    *len = 0;
    return guard(err, [&] { give_bytes(db->db.get_metadata(key), out, len); });
}
int hx_wdb_set_metadata(hx_wdb *db, const char *key, const void *value, size_t len, hx_error **err) {
    return guard(err, [&] { db->db.set_metadata(key, bytes(value, len)); });
}

// ---- read-only database ----

int hx_db_new(hx_db **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] { *out = new hx_db{Xapian::Database()}; });
}
int hx_db_open(const char *path, hx_db **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] { *out = new hx_db{Xapian::Database(path)}; });
}
void hx_db_free(hx_db *db) { delete db; }
int hx_db_add_local(hx_db *db, const char *path, hx_error **err) {
    return guard(err, [&] { db->db.add_database(Xapian::Database(path)); });
}
int hx_db_add_remote(hx_db *db, const char *host, unsigned port, unsigned timeout_ms, unsigned connect_timeout_ms,
                     hx_error **err) {
    return guard(err, [&] {
        db->db.add_database(Xapian::Remote::open(host, port, timeout_ms, connect_timeout_ms));
    });
}
int hx_db_reopen(hx_db *db, int *changed, hx_error **err) {
    return guard(err, [&] {
        bool c = db->db.reopen();
        if (changed) *changed = c ? 1 : 0;
    });
}
int hx_db_close(hx_db *db, hx_error **err) { return guard(err, [&] { db->db.close(); }); }
int hx_db_compact(hx_db *db, const char *dest, int renumber, hx_error **err) {
    return guard(err, [&] { db->db.compact(dest, renumber ? 0 : Xapian::DBCOMPACT_NO_RENUMBER); });
}
int hx_db_doc_count(hx_db *db, uint32_t *out, hx_error **err) {
    return guard(err, [&] { *out = db->db.get_doccount(); });
}
int hx_db_get_metadata(hx_db *db, const char *key, char **out, size_t *len, hx_error **err) {
    *out = nullptr;
    *len = 0;
    return guard(err, [&] { give_bytes(db->db.get_metadata(key), out, len); });
}
int hx_db_termfreq(hx_db *db, const char *term, uint32_t *out, hx_error **err) {
    return guard(err, [&] { *out = db->db.get_termfreq(term); });
}
int hx_db_term_exists(hx_db *db, const char *term, int *out, hx_error **err) {
    return guard(err, [&] { *out = db->db.term_exists(term) ? 1 : 0; });
}
int hx_db_allterms(hx_db *db, const char *prefix, hx_termlist **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] {
        std::unique_ptr<hx_termlist> tl(new hx_termlist);
        tl->live = true;
        tl->it = db->db.allterms_begin(prefix);
        tl->end = db->db.allterms_end(prefix);
        *out = tl.release();
    });
}
int hx_db_doc_terms(hx_db *db, uint32_t docid, hx_termlist **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] {
        std::unique_ptr<hx_termlist> tl(new hx_termlist);
        tl->live = true;
        tl->wdf = true;
        tl->it = db->db.termlist_begin(docid);
        tl->end = db->db.termlist_end(docid);
        *out = tl.release();
    });
}
int hx_db_doc_data(hx_db *db, uint32_t docid, char **out, size_t *len, hx_error **err) {
    *out = nullptr;
    *len = 0;
    return guard(err, [&] { give_bytes(db->db.get_document(docid).get_data(), out, len); });
}
int hx_db_positions(hx_db *db, uint32_t docid, const char *term, uint32_t **out, size_t *count, hx_error **err) {
    *out = nullptr;
    *count = 0;
    return guard(err, [&] {
        std::vector<uint32_t> v;
        for (auto it = db->db.positionlist_begin(docid, term); it != db->db.positionlist_end(docid, term); ++it)
            v.push_back(*it);
        uint32_t *p = static_cast<uint32_t *>(std::malloc(sizeof(uint32_t) * (v.size() + 1)));
        if (!p) throw std::bad_alloc();
        if (!v.empty()) std::memcpy(p, v.data(), sizeof(uint32_t) * v.size());
        *out = p;
        *count = v.size();
    });
}

// ---- term iteration ----

int hx_termlist_next(hx_termlist *tl, int *has, const char **term, size_t *len, uint32_t *freq, hx_error **err) {
    *has = 0;
    *term = nullptr;
    *len = 0;
    *freq = 0;
    return guard(err, [&] {
        if (tl->live) {
            if (tl->started && tl->it != tl->end) ++tl->it;
            tl->started = true;
            if (tl->it == tl->end) return;
            tl->current = *tl->it;
            *freq = tl->wdf ? tl->it.get_wdf() : tl->it.get_termfreq();
        } else {
            if (tl->next >= tl->items.size()) return;
            tl->current = tl->items[tl->next].first;
            *freq = tl->items[tl->next].second;
            ++tl->next;
        }
        *has = 1;
        *term = tl->current.c_str();
        *len = tl->current.size();
    });
}
int hx_termlist_skip_to(hx_termlist *tl, const char *term, hx_error **err) {
    return guard(err, [&] {
        if (!tl->live) throw Xapian::InvalidOperationError("skip_to needs a live term list");
        if (tl->it == tl->end) return;
        // The current term was handed out already: never give it again.
        if (tl->started && *tl->it >= term) ++tl->it;
        // Xapian's skip_to may move backwards: only ever move forwards.
        if (tl->it != tl->end && *tl->it < term) tl->it.skip_to(term);
        tl->started = false;
    });
}
void hx_termlist_free(hx_termlist *tl) { delete tl; }

// ---- documents ----

int hx_doc_new(hx_doc **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] { *out = new hx_doc{Xapian::Document()}; });
}
void hx_doc_free(hx_doc *doc) { delete doc; }
int hx_doc_add_term(hx_doc *doc, const char *term, uint32_t wdf, hx_error **err) {
    return guard(err, [&] {
        if (wdf == 0) doc->doc.add_boolean_term(term); else doc->doc.add_term(term, wdf);
    });
}
int hx_doc_add_posting(hx_doc *doc, const char *term, uint32_t position, uint32_t wdf, hx_error **err) {
    return guard(err, [&] { doc->doc.add_posting(term, position, wdf); });
}
int hx_doc_add_value(hx_doc *doc, uint32_t slot, const void *value, size_t len, hx_error **err) {
    return guard(err, [&] { doc->doc.add_value(slot, bytes(value, len)); });
}
int hx_doc_set_data(hx_doc *doc, const void *data, size_t len, hx_error **err) {
    return guard(err, [&] { doc->doc.set_data(bytes(data, len)); });
}

// ---- queries ----

int hx_query_term(const char *term, uint32_t wqf, uint32_t position, hx_query **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] { *out = new hx_query{Xapian::Query(term, wqf, position)}; });
}
int hx_query_combine(int op, const hx_query *const *subs, size_t count, uint32_t parameter, hx_query **out,
                     hx_error **err) {
    *out = nullptr;
    return guard(err, [&] {
        Xapian::Query::op xop;
        switch (op) {
            case HX_OP_AND: xop = Xapian::Query::OP_AND; break;
            case HX_OP_OR: xop = Xapian::Query::OP_OR; break;
            case HX_OP_AND_NOT: xop = Xapian::Query::OP_AND_NOT; break;
            case HX_OP_XOR: xop = Xapian::Query::OP_XOR; break;
            case HX_OP_AND_MAYBE: xop = Xapian::Query::OP_AND_MAYBE; break;
            case HX_OP_FILTER: xop = Xapian::Query::OP_FILTER; break;
            case HX_OP_SYNONYM: xop = Xapian::Query::OP_SYNONYM; break;
            case HX_OP_PHRASE: xop = Xapian::Query::OP_PHRASE; break;
            case HX_OP_NEAR: xop = Xapian::Query::OP_NEAR; break;
            case HX_OP_ELITE_SET: xop = Xapian::Query::OP_ELITE_SET; break;
            case HX_OP_MAX: xop = Xapian::Query::OP_MAX; break;
            default: throw Xapian::InvalidArgumentError("unknown query operator");
        }
        std::vector<Xapian::Query> v;
        v.reserve(count);
        for (size_t i = 0; i < count; ++i) {
            if (!subs || !subs[i]) throw Xapian::InvalidArgumentError("null subquery");
            v.push_back(subs[i]->q);
        }
        *out = new hx_query{Xapian::Query(xop, v.begin(), v.end(), parameter)};
    });
}
int hx_query_scale(const hx_query *q, double factor, hx_query **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] { *out = new hx_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q->q, factor)}; });
}
int hx_query_value_range(uint32_t slot, const void *begin, size_t begin_len, const void *end, size_t end_len,
                         hx_query **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] {
        std::string b = bytes(begin, begin_len), e = bytes(end, end_len);
        if (b.empty() && e.empty()) *out = new hx_query{Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, b)};
        else if (b.empty()) *out = new hx_query{Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, e)};
        else if (e.empty()) *out = new hx_query{Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, b)};
        else *out = new hx_query{Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, b, e)};
    });
}
int hx_query_match_all(hx_query **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] { *out = new hx_query{Xapian::Query::MatchAll}; });
}
int hx_query_match_nothing(hx_query **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] { *out = new hx_query{Xapian::Query::MatchNothing}; });
}
int hx_query_description(const hx_query *q, char **out, size_t *len, hx_error **err) {
    *out = nullptr;
    *len = 0;
    return guard(err, [&] { give_bytes(q->q.get_description(), out, len); });
}
int hx_query_serialise(const hx_query *q, char **out, size_t *len, hx_error **err) {
    *out = nullptr;
    *len = 0;
    return guard(err, [&] { give_bytes(q->q.serialise(), out, len); });
}
void hx_query_free(hx_query *q) { delete q; }

int hx_sortable_serialise(double value, char *out, size_t *len, hx_error **err) {
    return guard(err, [&] {
        std::string s = Xapian::sortable_serialise(value);
        std::memcpy(out, s.data(), s.size());
        *len = s.size();
    });
}
int hx_sortable_unserialise(const void *value, size_t len, double *out, hx_error **err) {
    return guard(err, [&] { *out = Xapian::sortable_unserialise(bytes(value, len)); });
}

// ---- enquire ----

int hx_enquire_new(hx_db *db, hx_enquire **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] { *out = new hx_enquire(db->db); });
}
void hx_enquire_free(hx_enquire *enq) { delete enq; }
int hx_enquire_set_query(hx_enquire *enq, const hx_query *q, hx_error **err) {
    return guard(err, [&] { enq->enq.set_query(q->q); });
}
int hx_enquire_set_bm25(hx_enquire *enq, double k1, double k2, double k3, double b, double min_normlen,
                        hx_error **err) {
    return guard(err, [&] { enq->enq.set_weighting_scheme(Xapian::BM25Weight(k1, k2, k3, b, min_normlen)); });
}
int hx_enquire_set_bool_weighting(hx_enquire *enq, hx_error **err) {
    return guard(err, [&] { enq->enq.set_weighting_scheme(Xapian::BoolWeight()); });
}
int hx_enquire_set_docid_order(hx_enquire *enq, int order, hx_error **err) {
    return guard(err, [&] {
        switch (order) {
            case HX_DOCID_ASCENDING: enq->enq.set_docid_order(Xapian::Enquire::ASCENDING); break;
            case HX_DOCID_DESCENDING: enq->enq.set_docid_order(Xapian::Enquire::DESCENDING); break;
            case HX_DOCID_DONT_CARE: enq->enq.set_docid_order(Xapian::Enquire::DONT_CARE); break;
            default: throw Xapian::InvalidArgumentError("unknown docid order");
        }
    });
}
int hx_enquire_set_sort(hx_enquire *enq, int mode, uint32_t slot, int reverse, hx_error **err) {
    return guard(err, [&] {
        switch (mode) {
            case HX_SORT_RELEVANCE: enq->enq.set_sort_by_relevance(); break;
            case HX_SORT_VALUE: enq->enq.set_sort_by_value(slot, reverse != 0); break;
            case HX_SORT_VALUE_THEN_RELEVANCE: enq->enq.set_sort_by_value_then_relevance(slot, reverse != 0); break;
            case HX_SORT_RELEVANCE_THEN_VALUE: enq->enq.set_sort_by_relevance_then_value(slot, reverse != 0); break;
            default: throw Xapian::InvalidArgumentError("unknown sort mode");
        }
    });
}
int hx_enquire_set_collapse_key(hx_enquire *enq, uint32_t slot, uint32_t max, hx_error **err) {
    return guard(err, [&] {
        if (max == 0) enq->enq.set_collapse_key(Xapian::BAD_VALUENO);
        else enq->enq.set_collapse_key(slot, max);
    });
}
int hx_enquire_add_facet(hx_enquire *enq, uint32_t slot, size_t *index, hx_error **err) {
    return guard(err, [&] {
        enq->facetSlots.push_back(slot);
        if (index) *index = enq->facetSlots.size() - 1;
    });
}
int hx_enquire_get_mset(hx_enquire *enq, uint32_t offset, uint32_t limit, uint32_t check_at_least, hx_mset **out,
                        hx_error **err) {
    *out = nullptr;
    return guard(err, [&] {
        // Fresh spies for every run, so that counts belong to this result only.
        std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
        enq->enq.clear_matchspies();
        for (Xapian::valueno slot : enq->facetSlots) {
            spies.emplace_back(new Xapian::ValueCountMatchSpy(slot));
            enq->enq.add_matchspy(spies.back().get());
        }
        Xapian::MSet m = enq->enq.get_mset(offset, limit, check_at_least);
        enq->enq.clear_matchspies();
        std::unique_ptr<hx_mset> result(new hx_mset(enq->enq, m));
        for (auto &spy : spies) {
            std::vector<std::pair<std::string, Xapian::doccount>> values;
            // At most one distinct value per document seen.
            size_t most = std::max<size_t>(1, spy->get_total());
            for (auto it = spy->top_values_begin(most); it != spy->top_values_end(most); ++it)
                values.emplace_back(*it, it.get_termfreq());
            result->facets.push_back(std::move(values));
        }
        *out = result.release();
    });
}

// ---- a page of results ----

void hx_mset_free(hx_mset *m) { delete m; }
size_t hx_mset_size(const hx_mset *m) { return m->mset.size(); }
int hx_mset_totals(hx_mset *m, uint32_t *lower, uint32_t *estimated, uint32_t *upper, hx_error **err) {
    return guard(err, [&] {
        *lower = m->mset.get_matches_lower_bound();
        *estimated = m->mset.get_matches_estimated();
        *upper = m->mset.get_matches_upper_bound();
    });
}
int hx_mset_hit(hx_mset *m, size_t i, hx_hit *out, hx_error **err) {
    return guard(err, [&] {
        auto it = hit_at(m, i);
        out->docid = *it;
        out->rank = it.get_rank();
        out->weight = it.get_weight();
        out->percent = it.get_percent();
    });
}
int hx_mset_data(hx_mset *m, size_t i, const char **out, size_t *len, hx_error **err) {
    *out = nullptr;
    *len = 0;
    return guard(err, [&] {
        m->scratch.push_back(document_at(m, i).get_data());
        *out = m->scratch.back().data();
        *len = m->scratch.back().size();
    });
}
int hx_mset_value(hx_mset *m, size_t i, uint32_t slot, const char **out, size_t *len, hx_error **err) {
    *out = nullptr;
    *len = 0;
    return guard(err, [&] {
        m->scratch.push_back(document_at(m, i).get_value(slot));
        *out = m->scratch.back().data();
        *len = m->scratch.back().size();
    });
}
int hx_mset_matching_terms(hx_mset *m, size_t i, hx_termlist **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] {
        auto hit = hit_at(m, i);
        std::unique_ptr<hx_termlist> tl(new hx_termlist);
        for (auto it = m->enq.get_matching_terms_begin(hit); it != m->enq.get_matching_terms_end(hit); ++it)
            tl->items.emplace_back(*it, 0);
        *out = tl.release();
    });
}
int hx_mset_facet(hx_mset *m, size_t facet, size_t max, hx_termlist **out, hx_error **err) {
    *out = nullptr;
    return guard(err, [&] {
        if (facet >= m->facets.size()) throw Xapian::RangeError("facet index out of range");
        const auto &values = m->facets[facet];
        std::unique_ptr<hx_termlist> tl(new hx_termlist);
        size_t n = (max == 0 || max > values.size()) ? values.size() : max;
        tl->items.assign(values.begin(), values.begin() + n);
        *out = tl.release();
    });
}

}  // extern "C"
