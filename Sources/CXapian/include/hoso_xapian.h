#ifndef HOSO_XAPIAN_H
#define HOSO_XAPIAN_H
/*
 * Plain C API over Xapian 1.4 (see docs/ARCHITECTURE.md).
 *
 * Opaque handles with *_open / *_new and *_free pairs. Every entry point returns HX_OK (0) or
 * HX_ERROR (1); on HX_ERROR, *err (when err is not NULL) receives a new hx_error carrying the
 * message and the Xapian error class ("DatabaseLockError", "DatabaseOpeningError",
 * "NetworkError", …), to be released with hx_error_free. No C++ exception ever leaves this API.
 * Handles are not thread-safe: use each from one thread at a time.
 * Strings are UTF-8, NUL-terminated unless a length is given. Byte outputs whose type is
 * `char **` + `size_t *` are malloc'ed and released with hx_free; `const char **` outputs are owned
 * by the handle they came from and valid until its next call or its free.
 */
#include <stddef.h>
#include <stdint.h>

#if defined(__has_feature)
#  if __has_feature(nullability)
#    define HX_NULLABLE _Nullable
#    define HX_NONNULL _Nonnull
#  endif
#endif
#ifndef HX_NULLABLE
#  define HX_NULLABLE
#  define HX_NONNULL
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define HX_OK 0
#define HX_ERROR 1

typedef struct hx_error hx_error;       /* an error value: message + Xapian class */
typedef struct hx_wdb hx_wdb;           /* Xapian::WritableDatabase */
typedef struct hx_db hx_db;             /* Xapian::Database (one or several shards) */
typedef struct hx_doc hx_doc;           /* Xapian::Document under construction */
typedef struct hx_query hx_query;       /* Xapian::Query (immutable) */
typedef struct hx_enquire hx_enquire;   /* Xapian::Enquire + its facet spies */
typedef struct hx_mset hx_mset;         /* one page of results, with facet counts */
typedef struct hx_termlist hx_termlist; /* an iterator over terms (+ frequencies) */

/* ---- errors and memory ---- */
const char *HX_NONNULL hx_version(void);
const char *HX_NONNULL hx_error_message(const hx_error *HX_NONNULL e);
const char *HX_NONNULL hx_error_class(const hx_error *HX_NONNULL e);
void hx_error_free(hx_error *HX_NULLABLE e);
void hx_free(void *HX_NULLABLE p);

/* ---- writable database ---- */
enum { HX_DB_CREATE_OR_OPEN = 1, HX_DB_CREATE_OR_OVERWRITE = 2, HX_DB_CREATE = 3, HX_DB_OPEN = 4 };
/* Flags of hx_wdb_open. HX_DB_NO_SYNC: Xapian::DB_NO_SYNC, commits are written but not fsynced (the caller
   makes the files durable itself). Other bits are an InvalidArgumentError. */
enum { HX_DB_NO_SYNC = 1 };
int hx_wdb_open(const char *HX_NONNULL path, int mode, int flags, hx_wdb *HX_NULLABLE *HX_NONNULL out,
                hx_error *HX_NULLABLE *HX_NULLABLE err);
void hx_wdb_free(hx_wdb *HX_NULLABLE db); /* closes (committing pending changes) */
int hx_wdb_close(hx_wdb *HX_NONNULL db, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_commit(hx_wdb *HX_NONNULL db, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_begin_transaction(hx_wdb *HX_NONNULL db, int flushed, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_commit_transaction(hx_wdb *HX_NONNULL db, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_cancel_transaction(hx_wdb *HX_NONNULL db, hx_error *HX_NULLABLE *HX_NULLABLE err);
/* Replaces every document indexed by unique_term (or adds one); *docid receives its docid. */
int hx_wdb_replace_by_term(hx_wdb *HX_NONNULL db, const char *HX_NONNULL unique_term,
                           const hx_doc *HX_NONNULL doc, uint32_t *HX_NULLABLE docid,
                           hx_error *HX_NULLABLE *HX_NULLABLE err);
/* Adds a document under the next docid, without looking for an older copy (a database being built). */
int hx_wdb_add_document(hx_wdb *HX_NONNULL db, const hx_doc *HX_NONNULL doc, uint32_t *HX_NULLABLE docid,
                        hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_delete_by_term(hx_wdb *HX_NONNULL db, const char *HX_NONNULL unique_term,
                          hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_doc_count(hx_wdb *HX_NONNULL db, uint32_t *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_termfreq(hx_wdb *HX_NONNULL db, const char *HX_NONNULL term, uint32_t *HX_NONNULL out,
                    hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_get_metadata(hx_wdb *HX_NONNULL db, const char *HX_NONNULL key, char *HX_NULLABLE *HX_NONNULL out,
                        size_t *HX_NONNULL len, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_wdb_set_metadata(hx_wdb *HX_NONNULL db, const char *HX_NONNULL key, const void *HX_NULLABLE value,
                        size_t len, hx_error *HX_NULLABLE *HX_NULLABLE err);

/* ---- read-only database (one or several shards searched as one) ---- */
int hx_db_new(hx_db *HX_NULLABLE *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err); /* no shard yet */
int hx_db_open(const char *HX_NONNULL path, hx_db *HX_NULLABLE *HX_NONNULL out,
               hx_error *HX_NULLABLE *HX_NULLABLE err); /* a database directory or a stub file */
void hx_db_free(hx_db *HX_NULLABLE db);
int hx_db_add_local(hx_db *HX_NONNULL db, const char *HX_NONNULL path, hx_error *HX_NULLABLE *HX_NULLABLE err);
/* A remote shard served by `xapian-tcpsrv`; timeouts in milliseconds. */
int hx_db_add_remote(hx_db *HX_NONNULL db, const char *HX_NONNULL host, unsigned port, unsigned timeout_ms,
                     unsigned connect_timeout_ms, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_db_reopen(hx_db *HX_NONNULL db, int *HX_NULLABLE changed, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_db_close(hx_db *HX_NONNULL db, hx_error *HX_NULLABLE *HX_NULLABLE err);
/* Writes a compacted copy (full B-tree blocks) of the database(s) to the new directory dest; several shards
   are merged into one. renumber 0 keeps docids (the shards' docid ranges must not overlap); 1 numbers the
   documents of each shard after those of the shards before it, in order. */
int hx_db_compact(hx_db *HX_NONNULL db, const char *HX_NONNULL dest, int renumber,
                  hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_db_doc_count(hx_db *HX_NONNULL db, uint32_t *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_db_get_metadata(hx_db *HX_NONNULL db, const char *HX_NONNULL key, char *HX_NULLABLE *HX_NONNULL out,
                       size_t *HX_NONNULL len, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_db_termfreq(hx_db *HX_NONNULL db, const char *HX_NONNULL term, uint32_t *HX_NONNULL out,
                   hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_db_term_exists(hx_db *HX_NONNULL db, const char *HX_NONNULL term, int *HX_NONNULL out,
                      hx_error *HX_NULLABLE *HX_NULLABLE err);
/* Every term of the database starting with prefix ("" = all), with its document frequency. */
int hx_db_allterms(hx_db *HX_NONNULL db, const char *HX_NONNULL prefix, hx_termlist *HX_NULLABLE *HX_NONNULL out,
                   hx_error *HX_NULLABLE *HX_NULLABLE err);
/* The terms of one document, with their wdf. */
int hx_db_doc_terms(hx_db *HX_NONNULL db, uint32_t docid, hx_termlist *HX_NULLABLE *HX_NONNULL out,
                    hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_db_doc_data(hx_db *HX_NONNULL db, uint32_t docid, char *HX_NULLABLE *HX_NONNULL out,
                   size_t *HX_NONNULL len, hx_error *HX_NULLABLE *HX_NULLABLE err);
/* Positions of term in document docid (malloc'ed array of *count entries). */
int hx_db_positions(hx_db *HX_NONNULL db, uint32_t docid, const char *HX_NONNULL term,
                    uint32_t *HX_NULLABLE *HX_NONNULL out, size_t *HX_NONNULL count,
                    hx_error *HX_NULLABLE *HX_NULLABLE err);

/* ---- term iteration ---- */
/* *has = 0 at the end; otherwise *term and *len (owned by tl) and *freq (termfreq or wdf) are set. */
int hx_termlist_next(hx_termlist *HX_NONNULL tl, int *HX_NONNULL has, const char *HX_NULLABLE *HX_NONNULL term,
                     size_t *HX_NONNULL len, uint32_t *HX_NONNULL freq, hx_error *HX_NULLABLE *HX_NULLABLE err);
/* Moves on so that the next hx_termlist_next gives the first term >= term (live lists only). */
int hx_termlist_skip_to(hx_termlist *HX_NONNULL tl, const char *HX_NONNULL term, hx_error *HX_NULLABLE *HX_NULLABLE err);
void hx_termlist_free(hx_termlist *HX_NULLABLE tl);

/* ---- documents ---- */
int hx_doc_new(hx_doc *HX_NULLABLE *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
void hx_doc_free(hx_doc *HX_NULLABLE doc);
int hx_doc_add_term(hx_doc *HX_NONNULL doc, const char *HX_NONNULL term, uint32_t wdf,
                    hx_error *HX_NULLABLE *HX_NULLABLE err); /* wdf 0 = a boolean (filter) term */
int hx_doc_add_posting(hx_doc *HX_NONNULL doc, const char *HX_NONNULL term, uint32_t position, uint32_t wdf,
                       hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_doc_add_value(hx_doc *HX_NONNULL doc, uint32_t slot, const void *HX_NULLABLE bytes, size_t len,
                     hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_doc_set_data(hx_doc *HX_NONNULL doc, const void *HX_NULLABLE bytes, size_t len,
                    hx_error *HX_NULLABLE *HX_NULLABLE err);

/* ---- queries (a tree of immutable handles; children may be freed after combining) ---- */
enum {
    HX_OP_AND = 0, HX_OP_OR = 1, HX_OP_AND_NOT = 2, HX_OP_XOR = 3, HX_OP_AND_MAYBE = 4, HX_OP_FILTER = 5,
    HX_OP_SYNONYM = 6, HX_OP_PHRASE = 7, HX_OP_NEAR = 8, HX_OP_ELITE_SET = 9, HX_OP_MAX = 10
};
int hx_query_term(const char *HX_NONNULL term, uint32_t wqf, uint32_t position, hx_query *HX_NULLABLE *HX_NONNULL out,
                  hx_error *HX_NULLABLE *HX_NULLABLE err);
/* parameter: the window of PHRASE/NEAR (0 = number of subqueries), the set size of ELITE_SET. */
int hx_query_combine(int op, const hx_query *HX_NONNULL const *HX_NULLABLE subqueries, size_t count,
                     uint32_t parameter, hx_query *HX_NULLABLE *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_query_scale(const hx_query *HX_NONNULL q, double factor, hx_query *HX_NULLABLE *HX_NONNULL out,
                   hx_error *HX_NULLABLE *HX_NULLABLE err);
/* begin_len == 0: no lower bound (VALUE_LE); end_len == 0: no upper bound (VALUE_GE). */
int hx_query_value_range(uint32_t slot, const void *HX_NULLABLE begin, size_t begin_len, const void *HX_NULLABLE end,
                         size_t end_len, hx_query *HX_NULLABLE *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_query_match_all(hx_query *HX_NULLABLE *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_query_match_nothing(hx_query *HX_NULLABLE *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_query_description(const hx_query *HX_NONNULL q, char *HX_NULLABLE *HX_NONNULL out, size_t *HX_NONNULL len,
                         hx_error *HX_NULLABLE *HX_NULLABLE err);
/* Xapian's own serialisation of the query (Query::serialise), for running it again with Xapian alone. */
int hx_query_serialise(const hx_query *HX_NONNULL q, char *HX_NULLABLE *HX_NONNULL out, size_t *HX_NONNULL len,
                       hx_error *HX_NULLABLE *HX_NULLABLE err);
void hx_query_free(hx_query *HX_NULLABLE q);

/* Xapian::sortable_serialise / unserialise (out must hold 18 bytes). */
int hx_sortable_serialise(double value, char *HX_NONNULL out, size_t *HX_NONNULL len,
                          hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_sortable_unserialise(const void *HX_NULLABLE bytes, size_t len, double *HX_NONNULL out,
                            hx_error *HX_NULLABLE *HX_NULLABLE err);

/* ---- enquire ---- */
enum { HX_DOCID_ASCENDING = 0, HX_DOCID_DESCENDING = 1, HX_DOCID_DONT_CARE = 2 };
enum { HX_SORT_RELEVANCE = 0, HX_SORT_VALUE = 1, HX_SORT_VALUE_THEN_RELEVANCE = 2, HX_SORT_RELEVANCE_THEN_VALUE = 3 };
int hx_enquire_new(hx_db *HX_NONNULL db, hx_enquire *HX_NULLABLE *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
void hx_enquire_free(hx_enquire *HX_NULLABLE enq);
int hx_enquire_set_query(hx_enquire *HX_NONNULL enq, const hx_query *HX_NONNULL q, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_enquire_set_bm25(hx_enquire *HX_NONNULL enq, double k1, double k2, double k3, double b, double min_normlen,
                        hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_enquire_set_bool_weighting(hx_enquire *HX_NONNULL enq, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_enquire_set_docid_order(hx_enquire *HX_NONNULL enq, int order, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_enquire_set_sort(hx_enquire *HX_NONNULL enq, int mode, uint32_t slot, int reverse,
                        hx_error *HX_NULLABLE *HX_NULLABLE err);
/* max == 0 turns collapsing off. */
int hx_enquire_set_collapse_key(hx_enquire *HX_NONNULL enq, uint32_t slot, uint32_t max,
                                hx_error *HX_NULLABLE *HX_NULLABLE err);
/* Counts the values in slot over every matching document checked (ValueCountMatchSpy);
 * *index receives the facet number used with hx_mset_facet_*. */
int hx_enquire_add_facet(hx_enquire *HX_NONNULL enq, uint32_t slot, size_t *HX_NULLABLE index,
                         hx_error *HX_NULLABLE *HX_NULLABLE err);
/* check_at_least: at least this many matches are checked (totals exact below it). */
int hx_enquire_get_mset(hx_enquire *HX_NONNULL enq, uint32_t offset, uint32_t limit, uint32_t check_at_least,
                        hx_mset *HX_NULLABLE *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);

/* ---- a page of results ---- */
typedef struct hx_hit {
    uint32_t docid;
    uint32_t rank;
    double weight;
    int percent;
} hx_hit;
void hx_mset_free(hx_mset *HX_NULLABLE mset);
size_t hx_mset_size(const hx_mset *HX_NONNULL mset);
int hx_mset_totals(hx_mset *HX_NONNULL mset, uint32_t *HX_NONNULL lower, uint32_t *HX_NONNULL estimated,
                   uint32_t *HX_NONNULL upper, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_mset_hit(hx_mset *HX_NONNULL mset, size_t i, hx_hit *HX_NONNULL out, hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_mset_data(hx_mset *HX_NONNULL mset, size_t i, const char *HX_NULLABLE *HX_NONNULL out, size_t *HX_NONNULL len,
                 hx_error *HX_NULLABLE *HX_NULLABLE err);
int hx_mset_value(hx_mset *HX_NONNULL mset, size_t i, uint32_t slot, const char *HX_NULLABLE *HX_NONNULL out,
                  size_t *HX_NONNULL len, hx_error *HX_NULLABLE *HX_NULLABLE err);
/* The query terms that match hit i (Enquire::get_matching_terms), in query order. */
int hx_mset_matching_terms(hx_mset *HX_NONNULL mset, size_t i, hx_termlist *HX_NULLABLE *HX_NONNULL out,
                           hx_error *HX_NULLABLE *HX_NULLABLE err);
/* The values counted by facet `facet`, most frequent first (at most max; 0 = all): term = value, freq = count. */
int hx_mset_facet(hx_mset *HX_NONNULL mset, size_t facet, size_t max, hx_termlist *HX_NULLABLE *HX_NONNULL out,
                  hx_error *HX_NULLABLE *HX_NULLABLE err);

#ifdef __cplusplus
}
#endif
#endif
