// Link-by-link comparison of two states of the networks (as found vs. a plan, or plan A vs.
// plan B), keyed by (utility, link id) so that several files of one utility compare as one.
#include <cmath>
#include <map>
#include <set>

#include "et/plan/plan.h"

namespace et::plan {
namespace {

constexpr const char* kChangeNames[] = {"unchanged", "added", "removed", "moved"};
static_assert(std::size(kChangeNames) == static_cast<size_t>(Change::kCount));

// Below this a difference is digitising noise, not a move.
constexpr double kMoveToleranceM = 0.01;

bool moved(const NetLink& a, const NetLink& b) {
  if (a.path.size() != b.path.size()) return true;
  for (size_t i = 0; i < a.path.size(); ++i)
    if (glm::length(a.path[i] - b.path[i]) > kMoveToleranceM) return true;
  return std::abs(a.cover_start_m - b.cover_start_m) > kMoveToleranceM ||
         std::abs(a.cover_end_m - b.cover_end_m) > kMoveToleranceM;
}

using Key = std::pair<int, std::string>;

}  // namespace

const char* change_name(Change c) {
  auto i = static_cast<size_t>(c);
  return i < std::size(kChangeNames) ? kChangeNames[i] : "unknown";
}

std::vector<LinkChange> diff_networks(const std::vector<Network>& before,
                                      const std::vector<Network>& after) {
  std::map<Key, const NetLink*> in_after;
  for (const Network& n : after)
    for (const NetLink& l : n.links) in_after.emplace(Key{int(n.utility), l.id}, &l);
  std::vector<LinkChange> out;
  std::set<Key> seen;
  for (const Network& n : before)
    for (const NetLink& l : n.links) {
      Key key{int(n.utility), l.id};
      if (!seen.insert(key).second) continue;
      LinkChange c{n.utility, l.id, Change::kUnchanged};
      auto it = in_after.find(key);
      if (it == in_after.end()) {
        c.change = Change::kRemoved;
      } else if (it->second->state == LinkState::kAbandoned && l.state != LinkState::kAbandoned) {
        c.change = Change::kRemoved;  // out of service: gone as far as supply goes
      } else if (moved(l, *it->second)) {
        c.change = Change::kMoved;
      }
      out.push_back(c);
    }
  for (const Network& n : after)
    for (const NetLink& l : n.links) {
      Key key{int(n.utility), l.id};
      if (seen.insert(key).second) out.push_back({n.utility, l.id, Change::kAdded});
    }
  return out;
}

}  // namespace et::plan
