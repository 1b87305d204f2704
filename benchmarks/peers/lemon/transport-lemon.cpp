// LEMON peer for the solver benchmarks: reads a transport/v1 model (JSON, or the .tbin side
// format; see /work/shared/perf/FORMAT.md), solves it with LEMON's NetworkSimplex (block-search
// pivoting, the library default) and prints the FORMAT.md solver line:
//   {"objective": ..., "seconds": <solve only>, "status": "optimal", "seconds_parse": ..., ...}
//
// Built by benchmarks/scale-bench.ts with g++ -O2 against Debian's liblemon-dev (header-only use);
// never by the tests or CI. The network is the same circulation our solver builds:
//   source -> offer (capacity) -> need (edge cap, cost -weight) -> sink, sink -> source (cost 0)
// with all supplies zero, so "use nothing" is feasible and nothing has to be used. Weights are
// turned into integer costs by the smallest power of ten (<= 10^6) that makes them all whole
// (100 for the generator's 2-decimal weights), so the objective is exact.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;

struct Model {
  std::vector<double> capacity, demand;          // per offer, per need
  std::vector<int32_t> edgeOffer, edgeNeed;      // per edge
  std::vector<double> edgeWeight, edgeCap;       // per edge
  size_t offerIds = 0, needIds = 0;
};

static double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// ---- JSON: a small reader for exactly this format (objects, arrays, strings, numbers) ----------
class JsonReader {
 public:
  explicit JsonReader(const std::string& text) : s_(text.data()), end_(text.data() + text.size()) {}

  void readModel(Model& m) {
    expect('{');
    bool first = true;
    for (;;) {
      ws();
      if (peek() == '}') { ++s_; break; }
      if (!first) { expect(','); ws(); }
      first = false;
      std::string key = readString();
      expect(':');
      if (key == "offers") readSection(m, 'o');
      else if (key == "needs") readSection(m, 'n');
      else if (key == "edges") readSection(m, 'e');
      else if (key == "format") {
        ws();
        if (readString() != "transport/v1") throw std::runtime_error("format is not transport/v1");
      } else skipValue();
    }
  }

 private:
  const char* s_;
  const char* end_;

  char peek() { return s_ < end_ ? *s_ : '\0'; }
  void ws() { while (s_ < end_ && (*s_ == ' ' || *s_ == '\n' || *s_ == '\r' || *s_ == '\t')) ++s_; }
  void expect(char c) {
    ws();
    if (peek() != c) throw std::runtime_error(std::string("expected '") + c + "' at byte " + std::to_string(pos()));
    ++s_;
  }
  size_t pos() const { return static_cast<size_t>(end_ - s_); }

  std::string readString() {
    ws();
    if (peek() != '"') throw std::runtime_error("expected a string");
    ++s_;
    std::string out;
    while (s_ < end_ && *s_ != '"') {
      if (*s_ == '\\') ++s_;  // ids are only counted; an escaped character is kept as is
      out.push_back(*s_++);
    }
    ++s_;
    return out;
  }

  double readNumber() {
    ws();
    double v = 0;
    auto r = std::from_chars(s_, end_, v);
    if (r.ec != std::errc()) throw std::runtime_error("expected a number");
    s_ = r.ptr;
    return v;
  }

  template <typename F> void readArray(F each) {
    expect('[');
    ws();
    if (peek() == ']') { ++s_; return; }
    for (;;) {
      each();
      ws();
      if (peek() == ',') { ++s_; continue; }
      expect(']');
      return;
    }
  }

  void numbers(std::vector<double>& out) { readArray([&] { out.push_back(readNumber()); }); }
  void indices(std::vector<int32_t>& out) { readArray([&] { out.push_back(static_cast<int32_t>(readNumber())); }); }
  size_t strings() { size_t n = 0; readArray([&] { readString(); ++n; }); return n; }

  void readSection(Model& m, char which) {
    expect('{');
    bool first = true;
    for (;;) {
      ws();
      if (peek() == '}') { ++s_; return; }
      if (!first) { expect(','); ws(); }
      first = false;
      std::string key = readString();
      expect(':');
      if (which == 'o' && key == "id") m.offerIds = strings();
      else if (which == 'o' && key == "capacity") numbers(m.capacity);
      else if (which == 'n' && key == "id") m.needIds = strings();
      else if (which == 'n' && key == "demand") numbers(m.demand);
      else if (which == 'e' && key == "offer") indices(m.edgeOffer);
      else if (which == 'e' && key == "need") indices(m.edgeNeed);
      else if (which == 'e' && key == "weight") numbers(m.edgeWeight);
      else if (which == 'e' && key == "cap") numbers(m.edgeCap);
      else skipValue();
    }
  }

  void skipValue() {
    ws();
    char c = peek();
    if (c == '"') { readString(); return; }
    if (c == '{' || c == '[') {
      int depth = 0;
      do {
        c = *s_++;
        if (c == '"') { --s_; readString(); continue; }
        if (c == '{' || c == '[') ++depth;
        if (c == '}' || c == ']') --depth;
      } while (depth > 0 && s_ < end_);
      return;
    }
    while (s_ < end_ && *s_ != ',' && *s_ != '}' && *s_ != ']') ++s_;  // number, true, false, null
  }
};

// ---- .tbin: little-endian columns after a 48-byte header ----------------------------------------
template <typename T> static T at(const std::string& b, size_t off) {
  T v;
  std::memcpy(&v, b.data() + off, sizeof(T));
  return v;
}

static void readTbin(const std::string& b, Model& m) {
  if (b.size() < 48 || std::memcmp(b.data(), "TRV1BIN\0", 8) != 0) throw std::runtime_error("not a .tbin file");
  const uint32_t O = at<uint32_t>(b, 8), N = at<uint32_t>(b, 12);
  const uint64_t E = at<uint64_t>(b, 16);
  size_t off = 48;
  auto i32s = [&](size_t n, auto& out) { out.resize(n); for (size_t i = 0; i < n; ++i) out[i] = at<int32_t>(b, off + 4 * i); off += 4 * n; };
  i32s(O, m.capacity);
  i32s(N, m.demand);
  i32s(E, m.edgeOffer);
  i32s(E, m.edgeNeed);
  m.edgeWeight.resize(E);
  std::memcpy(m.edgeWeight.data(), b.data() + off, 8 * E);
  off += 8 * E;
  i32s(E, m.edgeCap);
  m.offerIds = O;
  m.needIds = N;
}

// ---- solve -----------------------------------------------------------------------------------------
static int64_t weightScale(const std::vector<double>& w) {
  for (int64_t scale = 1; scale <= 1000000; scale *= 10) {
    bool whole = true;
    for (double x : w) {
      double y = x * static_cast<double>(scale);
      if (std::fabs(y - std::round(y)) > 1e-6) { whole = false; break; }
    }
    if (whole) return scale;
  }
  return 1000000;  // finer weights are rounded at 10^-6
}

int main(int argc, char** argv) {
  if (argc < 2) { std::fprintf(stderr, "usage: transport-lemon MODEL.json|MODEL.tbin\n"); return 2; }
  try {
    const auto t0 = Clock::now();
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) throw std::runtime_error(std::string("cannot read ") + argv[1]);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();
    Model m;
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), "TRV1BIN\0", 8) == 0) readTbin(bytes, m);
    else JsonReader(bytes).readModel(m);
    const double parseSeconds = secondsSince(t0);
    const size_t O = m.capacity.size(), N = m.demand.size(), E = m.edgeOffer.size();
    if (m.edgeNeed.size() != E || m.edgeWeight.size() != E || m.edgeCap.size() != E) throw std::runtime_error("edge columns differ in length");

    const auto t1 = Clock::now();
    const int64_t scale = weightScale(m.edgeWeight);
    using Graph = lemon::SmartDigraph;
    Graph g;
    g.reserveNode(static_cast<int>(O + N + 2));
    g.reserveArc(static_cast<int>(E + O + N + 1));
    std::vector<Graph::Node> nodes(O + N + 2);
    for (auto& v : nodes) v = g.addNode();
    const Graph::Node source = nodes[O + N], sink = nodes[O + N + 1];
    Graph::ArcMap<int64_t> cap(g), cost(g);
    int64_t total = 0;
    for (size_t o = 0; o < O; ++o) {
      auto a = g.addArc(source, nodes[o]);
      cap[a] = static_cast<int64_t>(m.capacity[o]);
      cost[a] = 0;
      total += cap[a];
    }
    std::vector<Graph::Arc> edgeArcs(E);
    for (size_t e = 0; e < E; ++e) {
      auto a = g.addArc(nodes[m.edgeOffer[e]], nodes[O + m.edgeNeed[e]]);
      cap[a] = static_cast<int64_t>(m.edgeCap[e]);
      cost[a] = -static_cast<int64_t>(std::llround(m.edgeWeight[e] * static_cast<double>(scale)));
      edgeArcs[e] = a;
    }
    for (size_t n = 0; n < N; ++n) {
      auto a = g.addArc(nodes[O + n], sink);
      cap[a] = static_cast<int64_t>(m.demand[n]);
      cost[a] = 0;
    }
    auto back = g.addArc(sink, source);
    cap[back] = total;
    cost[back] = 0;
    lemon::NetworkSimplex<Graph, int64_t, int64_t> ns(g);
    ns.upperMap(cap).costMap(cost);
    const double buildSeconds = secondsSince(t1);

    const auto t2 = Clock::now();
    const auto status = ns.run();
    const double solveSeconds = secondsSince(t2);
    if (status != lemon::NetworkSimplex<Graph, int64_t, int64_t>::OPTIMAL) {
      std::printf("{\"objective\": null, \"seconds\": %.6f, \"status\": \"%s\"}\n", solveSeconds,
                  status == lemon::NetworkSimplex<Graph, int64_t, int64_t>::INFEASIBLE ? "infeasible" : "unbounded");
      return 1;
    }
    // Objective in the model's own units: exact integer cents (or 10^-k) divided once.
    const int64_t totalCost = ns.totalCost<int64_t>();
    const double objective = static_cast<double>(-totalCost) / static_cast<double>(scale);
    std::printf(
        "{\"objective\": %.15g, \"seconds\": %.6f, \"status\": \"optimal\", \"seconds_parse\": %.6f, \"seconds_build\": %.6f, "
        "\"seconds_total\": %.6f, \"offers\": %zu, \"needs\": %zu, \"edges\": %zu, \"weight_scale\": %lld}\n",
        objective, solveSeconds, parseSeconds, buildSeconds, secondsSince(t0), O, N, E, static_cast<long long>(scale));
    return 0;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "transport-lemon: %s\n", error.what());
    return 2;
  }
}
