// The reference for `hoso reindex` speed: Xapian alone, writing the very documents hoso wrote.
//
// Reads every document of an index generation (each level database: terms with wdf, boolean terms,
// values, data) into memory, then writes them again, timed, the way `hoso reindex` does: the documents
// cut into THREADS contiguous partitions, each built by its own thread into its own databases (one per
// level), committed every COMMIT documents, then merged level by level with Xapian's compaction.
// No text analysis, no catalogue: what is left is the floor that Xapian itself sets on this machine.
//
//   g++ -O2 -std=c++17 -pthread bench/scale/xapian_replay.cc -o /tmp/xapian_replay -lxapian
//   /tmp/xapian_replay GENERATION_DIR WORK_DIR [THREADS=2] [COMMIT=500]
// Prints one JSON line: documents, seconds (write + compaction), documents per second.
//
//   /tmp/xapian_replay GENERATION_DIR WORK_DIR SHARDS split
// Instead, copies the generation into SHARDS shards by count (WORK_DIR/part-K/l1…l3, each level's documents
// cut into contiguous thirds…), streaming, untimed: the shards bench/scale/shards.sh serves with xapian-tcpsrv.
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

struct Doc {
    int level;
    std::vector<std::pair<std::string, Xapian::termcount>> terms;
    std::vector<std::pair<Xapian::valueno, std::string>> values;
    std::string data;
};

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s GENERATION_DIR WORK_DIR [THREADS] [COMMIT]\n", argv[0]);
        return 2;
    }
    std::string gen = argv[1], work = argv[2];
    int threads = argc > 3 ? std::atoi(argv[3]) : 2;
    unsigned commit = argc > 4 ? std::atoi(argv[4]) : 500;
    try {
        if (argc > 4 && std::string(argv[4]) == "split") {
            int shards = threads;
            for (int level = 1; level <= 3; ++level) {
                Xapian::Database db(gen + "/l" + std::to_string(level));
                std::vector<Xapian::WritableDatabase> out;
                for (int k = 0; k < shards; ++k) {
                    std::filesystem::create_directories(work + "/part-" + std::to_string(k + 1));
                    out.emplace_back(work + "/part-" + std::to_string(k + 1) + "/l" + std::to_string(level),
                                     Xapian::DB_CREATE_OR_OVERWRITE);
                    out.back().set_metadata("hoso.schema", db.get_metadata("hoso.schema"));
                }
                size_t n = db.get_doccount(), i = 0;
                for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p, ++i) {
                    Xapian::Document src = db.get_document(*p), d;
                    for (auto t = src.termlist_begin(); t != src.termlist_end(); ++t) {
                        if (t.get_wdf() == 0) d.add_boolean_term(*t); else d.add_term(*t, t.get_wdf());
                    }
                    for (auto v = src.values_begin(); v != src.values_end(); ++v) d.add_value(v.get_valueno(), *v);
                    d.set_data(src.get_data());
                    out[i * shards / std::max<size_t>(n, 1)].add_document(d);
                }
                for (auto &w : out) w.close();
            }
            return 0;
        }
        // Read: documents of every level, in docid order (the catalogue order hoso wrote them in).
        std::vector<Doc> docs;
        for (int level = 1; level <= 3; ++level) {
            Xapian::Database db(gen + "/l" + std::to_string(level));
            for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
                Xapian::Document d = db.get_document(*p);
                Doc doc;
                doc.level = level;
                for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) doc.terms.emplace_back(*t, t.get_wdf());
                for (auto v = d.values_begin(); v != d.values_end(); ++v) doc.values.emplace_back(v.get_valueno(), *v);
                doc.data = d.get_data();
                docs.push_back(std::move(doc));
            }
        }
        auto t0 = std::chrono::steady_clock::now();
        std::vector<std::thread> pool;
        for (int k = 0; k < threads; ++k) {
            std::filesystem::create_directories(work + "/part-" + std::to_string(k + 1));
            pool.emplace_back([&, k] {
              try {
                std::vector<Xapian::WritableDatabase> dbs;
                for (int level = 1; level <= 3; ++level)
                    dbs.emplace_back(work + "/part-" + std::to_string(k + 1) + "/l" + std::to_string(level),
                                     Xapian::DB_CREATE_OR_OVERWRITE);
                size_t lo = docs.size() * k / threads, hi = docs.size() * (k + 1) / threads;
                unsigned pending = 0;
                for (size_t i = lo; i < hi; ++i) {
                    const Doc &src = docs[i];
                    Xapian::Document d;
                    // wdf 0 marks a boolean (filter) term.
                    for (auto &t : src.terms) {
                        if (t.second == 0) d.add_boolean_term(t.first); else d.add_term(t.first, t.second);
                    }
                    for (auto &v : src.values) d.add_value(v.first, v.second);
                    d.set_data(src.data);
                    dbs[src.level - 1].add_document(d);
                    if (++pending >= commit) {
                        for (auto &db : dbs) db.commit();
                        pending = 0;
                    }
                }
                for (auto &db : dbs) db.close();
              } catch (const Xapian::Error &e) {
                std::fprintf(stderr, "%s\n", e.get_description().c_str());
                std::exit(1);
              }
            });
        }
        for (auto &t : pool) t.join();
        auto t1 = std::chrono::steady_clock::now();
        std::filesystem::create_directories(work + "/merged");
        for (int level = 1; level <= 3; ++level) {
            Xapian::Database all;
            for (int k = 0; k < threads; ++k)
                all.add_database(Xapian::Database(work + "/part-" + std::to_string(k + 1) + "/l" + std::to_string(level)));
            all.compact(work + "/merged/l" + std::to_string(level), threads > 1 ? 0 : Xapian::DBCOMPACT_NO_RENUMBER);
        }
        auto t2 = std::chrono::steady_clock::now();
        double write = std::chrono::duration<double>(t1 - t0).count(), total = std::chrono::duration<double>(t2 - t0).count();
        std::printf("{\"documents\": %zu, \"threads\": %d, \"write_seconds\": %.2f, \"seconds\": %.2f, \"documents_per_s\": %.1f}\n",
                    docs.size(), threads, write, total, docs.size() / total);
    } catch (const Xapian::Error &e) {
        std::fprintf(stderr, "%s\n", e.get_description().c_str());
        return 1;
    }
    return 0;
}
