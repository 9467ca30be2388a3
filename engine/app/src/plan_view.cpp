#include "et/app/plan_view.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "primitives.h"

namespace et::app {
namespace {

// An open trench: the cut (walls and floor) and, just proud of the ground, a strip of dug
// earth that reads from any height.
constexpr double kTrenchLift = 0.06;
constexpr double kTrenchSlab = 0.02;  // how far the slab reaches below the surface
// A utility tunnel: floor slab and side walls, no roof, so the lines inside show.
constexpr double kTunnelWall = 0.25;     // wall and slab thickness, m
constexpr double kTunnelHeadroom = 2.4;  // floor to the wall tops, m
constexpr double kTunnelMinCover = 0.3;  // the wall tops stay this far under the ground

constexpr std::size_t kMaxCachedWorlds = 12;  // about a dozen schedule states scrubbed through

render::Instance box(const SceneWorld& sw, glm::dvec3 a, glm::dvec3 b, double across, double height,
                     std::uint32_t element, std::uint32_t layer, render::Pass pass) {
  render::Instance in;
  in.mesh = sw.primitives.box;
  in.model = segment_transform(a, b, across, height);
  in.element = element;
  in.layer = layer;
  in.pass = pass;
  return in;
}

// Whether the tunnel stands finished on `day`: the first task that works in it (building
// it) has ended. A tunnel no task works in is taken as already there.
bool tunnel_built(const plan::Plan& p, const plan::Trench& t, int day) {
  const plan::Task* first = nullptr;
  for (const plan::Task& k : p.tasks)
    if (k.trench == t.id && (!first || k.start_day < first->start_day)) first = &k;
  return !first || day > first->end_day;
}

void add_trench(SceneWorld& sw, int index, bool built) {
  const plan::Trench& t = sw.plan->trenches[size_t(index)];
  const std::uint32_t element = std::uint32_t(sw.elements.size());
  ElementRef ref{ElementRef::Kind::kTrench, index};
  ref.built = built;
  sw.elements.push_back(ref);
  auto& out = sw.world.instances;
  for (size_t k = 0; k + 1 < t.path.size(); ++k) {
    glm::dvec2 p0 = t.path[k], p1 = t.path[k + 1];
    glm::dvec2 d = p1 - p0;
    if (glm::length(d) < 1e-6) continue;
    glm::dvec2 n = glm::normalize(glm::dvec2(-d.y, d.x));
    if (!built) {
      // The cut: walls and floor, open at the top so the lines laid in it show, and a slab
      // of dug earth just proud of the surface that marks it from above (drawn with the
      // ground, so as translucent as the ground is).
      render::Instance pit;
      pit.mesh = sw.primitives.pit;
      pit.model =
          segment_transform(glm::dvec3(p0 - n * (t.width_m / 2), 0.0),
                            glm::dvec3(p1 - n * (t.width_m / 2), 0.0), t.width_m, t.depth_m);
      pit.element = element;
      pit.layer = kStructureLayer;
      out.push_back(pit);
      double zc = (kTrenchLift - kTrenchSlab) / 2;
      out.push_back(box(sw, glm::dvec3(p0, zc), glm::dvec3(p1, zc), t.width_m,
                        kTrenchLift + kTrenchSlab, element, std::uint32_t(Layer::kGround),
                        render::Pass::kGround));
      continue;
    }
    double floor_z = -t.depth_m;
    double top = std::min(-kTunnelMinCover, floor_z + kTunnelHeadroom);
    double slab_z = floor_z - kTunnelWall / 2;
    out.push_back(box(sw, glm::dvec3(p0, slab_z), glm::dvec3(p1, slab_z),
                      t.width_m + 2 * kTunnelWall, kTunnelWall, element, kStructureLayer,
                      render::Pass::kOpaque));
    double wall_h = top - floor_z, wall_z = (top + floor_z) / 2;
    for (double side : {-1.0, 1.0}) {
      glm::dvec2 off = n * (side * (t.width_m + kTunnelWall) / 2);
      out.push_back(box(sw, glm::dvec3(p0 + off, wall_z), glm::dvec3(p1 + off, wall_z), kTunnelWall,
                        wall_h, element, kStructureLayer, render::Pass::kOpaque));
    }
  }
}

}  // namespace

const plan::Plan* PlanSet::find(const std::string& id) const {
  for (const plan::Plan& p : plans)
    if (p.id == id) return &p;
  return nullptr;
}

Result<PlanSet> load_plan_set(const Scene& scene) {
  PlanSet set;
  if (scene.plan_files.empty()) return set;
  auto plans = plan::load_plans(scene);
  if (!plans) return plans.error();
  set.plans = std::move(*plans);
  if (!scene.lanes_file.empty()) {
    auto lanes = plan::load_lanes(scene.dir + "/" + scene.lanes_file);
    if (!lanes) return lanes.error();
    set.lanes = std::move(*lanes);
  }
  return set;
}

Result<PlanSet> load_plans_for(const Scene& scene, const ViewState& v) {
  if (v.plan.empty() && v.plan_b.empty()) return PlanSet{};
  return load_plan_set(scene);
}

std::string plan_title(const PlanSet& plans, const std::string& id) {
  if (id.empty()) return "As found";
  const plan::Plan* p = plans.find(id);
  return p && !p->name.empty() ? p->name : id;
}

int view_day(const Scene& scene, const ViewState& v) {
  if (!v.staged) return plan::kComplete;
  return scene.epoch_day + int(std::floor(v.time_s / 86400.0));
}

Status check_view_plans(const Scene& scene, const PlanSet& plans, const ViewState& v) {
  for (const std::string* id : {&v.plan, &v.plan_b}) {
    if (id->empty() || plans.find(*id)) continue;
    std::string have;
    for (const plan::Plan& p : plans.plans) have += (have.empty() ? "" : ", ") + p.id;
    return Error{"unknown plan '" + *id + "' in scene " + scene.dir +
                 (have.empty() ? " (it has no plans)" : " (have: " + have + ")")};
  }
  return Ok{};
}

std::string schedule_key(const plan::Plan& plan, int day) {
  std::string key;
  key.reserve(plan.tasks.size());
  for (const plan::Task& t : plan.tasks)
    key += day < t.start_day ? '0' : day <= t.end_day ? '1' : '2';
  return key;
}

SceneWorld build_plan_world(const Scene& scene, const plan::Plan* p, int day) {
  if (!p) return build_world(scene);
  SceneWorld sw = build_world(scene, plan::apply_plan(scene, *p, day));
  sw.plan = p;
  sw.day = day;
  // How each link differs from the as-found networks, for the diff overlay.
  std::map<std::string, plan::Change> change;
  std::vector<const plan::LinkChange*> removed;
  std::set<std::string> present;
  for (const Network& net : sw.networks)
    for (const NetLink& l : net.links) present.insert(value_key(net.utility, l.id));
  std::vector<plan::LinkChange> diff = plan::diff_networks(scene.networks, sw.networks);
  for (const plan::LinkChange& c : diff) {
    std::string key = value_key(c.utility, c.link);
    change[key] = c.change;
    if (c.change == plan::Change::kRemoved && !present.count(key)) removed.push_back(&c);
  }
  for (ElementRef& e : sw.elements) {
    if (e.kind == ElementRef::Kind::kLink) {
      const Network& net = sw.networks[size_t(e.network)];
      auto it = change.find(value_key(net.utility, net.links[size_t(e.index)].id));
      if (it != change.end()) e.change = it->second;
    } else if (e.kind == ElementRef::Kind::kNode && size_t(e.network) < scene.networks.size()) {
      const std::string& id = sw.networks[size_t(e.network)].nodes[size_t(e.index)].id;
      if (scene.networks[size_t(e.network)].find_node(id) < 0) e.change = plan::Change::kAdded;
    }
  }
  // Removed links where they lie now, thinner, so the new lines stand out among them.
  for (const plan::LinkChange* c : removed) {
    for (size_t ni = 0; ni < scene.networks.size(); ++ni) {
      const Network& net = scene.networks[ni];
      if (net.utility != c->utility) continue;
      int li = -1;
      for (size_t k = 0; k < net.links.size() && li < 0; ++k)
        if (net.links[k].id == c->link) li = int(k);
      if (li < 0) continue;
      ElementRef ref{ElementRef::Kind::kLink, li, int(ni)};
      ref.change = plan::Change::kRemoved;
      ref.removed = true;
      std::uint32_t element = std::uint32_t(sw.elements.size());
      sw.elements.push_back(ref);
      add_link_instances(net.links[size_t(li)], utility_layer(net.utility), element, 0.6, sw);
      break;
    }
  }
  // Trenches open on the day drawn; tunnels once built (while being built, open cuts).
  std::set<const plan::Trench*> open;
  for (const plan::Trench* t : plan::open_trenches(*p, day)) open.insert(t);
  for (size_t i = 0; i < p->trenches.size(); ++i) {
    const plan::Trench& t = p->trenches[i];
    if (open.count(&t))
      add_trench(sw, int(i), false);
    else if (t.kind == plan::TrenchKind::kTunnel && tunnel_built(*p, t, day))
      add_trench(sw, int(i), true);
  }
  sw.world.elements = element_colors(scene, sw, Palette::kCjj61);
  return sw;
}

render::RenderWorld compose_split(const SceneWorld& left, const SceneWorld& right) {
  render::RenderWorld w;
  w.meshes = left.world.meshes;
  w.instances.reserve(left.world.instances.size() + right.world.instances.size());
  for (render::Instance in : left.world.instances) {
    in.views = render::kViewLeft;
    w.instances.push_back(in);
  }
  const std::uint32_t offset = std::uint32_t(left.elements.size());
  for (render::Instance in : right.world.instances) {
    in.views = render::kViewRight;
    in.element += offset;
    w.instances.push_back(in);
  }
  w.elements = left.world.elements;
  w.elements.insert(w.elements.end(), right.world.elements.begin(), right.world.elements.end());
  return w;
}

PlanView::PlanView(const Scene& scene, PlanSet plans) : scene_(scene), plans_(std::move(plans)) {}

std::shared_ptr<const SceneWorld> PlanView::world(const std::string& plan_id, int day) {
  const plan::Plan* p = plans_.find(plan_id);
  std::string key = p ? plan_id + "|" + schedule_key(*p, day) : std::string();
  Cached& c = cache_[key];
  if (!c.world) c.world = std::make_shared<const SceneWorld>(build_plan_world(scene_, p, day));
  c.used = ++tick_;
  return c.world;
}

Result<bool> PlanView::update(const ViewState& v) {
  if (Status s = check_view_plans(scene_, plans_, v); !s) return s.error();
  const int day = view_day(scene_, v);
  std::shared_ptr<const SceneWorld> l = world(v.plan, day);
  std::shared_ptr<const SceneWorld> r = v.plan_b.empty() ? nullptr : world(v.plan_b, day);
  if (l == left_ && r == right_) return false;
  left_ = std::move(l);
  right_ = std::move(r);
  left_picker_ = std::make_unique<Picker>(*left_);
  right_picker_ = right_ ? std::make_unique<Picker>(*right_) : nullptr;
  composed_ = right_ ? compose_split(*left_, *right_) : render::RenderWorld{};
  uploaded_ = false;
  // Forget the least recently drawn worlds beyond a dozen (those on screen stay).
  while (cache_.size() > kMaxCachedWorlds) {
    auto oldest = cache_.end();
    for (auto it = cache_.begin(); it != cache_.end(); ++it)
      if (it->second.world != left_ && it->second.world != right_ &&
          (oldest == cache_.end() || it->second.used < oldest->second.used))
        oldest = it;
    if (oldest == cache_.end()) break;
    cache_.erase(oldest);
  }
  return true;
}

const render::RenderWorld& PlanView::render_world() const {
  return right_ ? composed_ : left_->world;
}

std::uint32_t PlanView::element_count() const {
  return right_offset() + (right_ ? std::uint32_t(right_->elements.size()) : 0u);
}

const SceneWorld& PlanView::world_of(int element, int& local) const {
  if (right_ && element >= int(right_offset())) {
    local = element - int(right_offset());
    return *right_;
  }
  local = element;
  return *left_;
}

const ElementRef& PlanView::element(int element) const {
  int local = 0;
  const SceneWorld& w = world_of(element, local);
  return w.elements[size_t(local)];
}

OverlayResult PlanView::overlay(const ViewState& v, const OverlayData* data) const {
  OverlayResult out = overlay_for(scene_, *left_, v, data);
  if (!right_) return out;
  OverlayResult r = overlay_for(scene_, *right_, v, data);
  out.elements.insert(out.elements.end(), r.elements.begin(), r.elements.end());
  if (v.overlay == "diff") {
    // One legend for both halves: each change with its count on the left | right.
    out.legend.title =
        "Changes against as found: " + (v.plan.empty() ? "as found" : v.plan) + " | " + v.plan_b;
    for (size_t i = 0; i < out.legend.entries.size() && i < r.legend.entries.size(); ++i) {
      auto count = [](const std::string& note) { return note.substr(0, note.find(' ')); };
      out.legend.entries[i].note =
          count(out.legend.entries[i].note) + " | " + count(r.legend.entries[i].note) + " links";
    }
  }
  return out;
}

render::FrameParams PlanView::frame_params(const ViewState& v, int width, int height) const {
  if (!right_) return app::frame_params(v, width, height, left_->far_m);
  render::FrameParams f = app::frame_params(v, std::max(1, width / 2), height, left_->far_m);
  f.split = true;
  return f;
}

int PlanView::pick(const ViewState& v, int width, int height, double px, double py,
                   PickHit* hit) const {
  PickHit h;
  int offset = 0;
  const int half = width / 2;
  if (!right_) {
    h = left_picker_->pick(v, width, height, px, py);
  } else if (px < half) {
    h = left_picker_->pick(v, std::max(1, half), height, px, py);
  } else {
    h = right_picker_->pick(v, width - half, height, px - half, py);
    offset = int(right_offset());
  }
  if (hit) *hit = h;
  return h.element < 0 ? -1 : h.element + offset;
}

nlohmann::json PlanView::describe(int element) const {
  if (element < 0) return describe_element(scene_, *left_, -1);
  int local = 0;
  const SceneWorld& w = world_of(element, local);
  nlohmann::json j = describe_element(scene_, w, local);
  if (right_) j["side"] = &w == left_.get() ? "left" : "right";
  return j;
}

std::vector<render::Instance> PlanView::dynamic_instances(const ViewState& v,
                                                          const ValueMap& velocity,
                                                          double anim_s) const {
  std::vector<render::Instance> dyn = excavation_instances(*left_, v.excavation);
  if (velocity.empty()) return dyn;
  const size_t room = render::Renderer::kMaxDynamicInstances - dyn.size();
  std::vector<render::Instance> arrows =
      flow_arrows(scene_, *left_, velocity, anim_s, 20.0, right_ ? room / 2 : room);
  if (right_) {
    for (render::Instance& a : arrows) a.views = render::kViewLeft;
    std::vector<render::Instance> more =
        flow_arrows(scene_, *right_, velocity, anim_s, 20.0, room / 2);
    for (render::Instance& a : more) {
      a.views = render::kViewRight;
      a.element += right_offset();
    }
    arrows.insert(arrows.end(), more.begin(), more.end());
  }
  dyn.insert(dyn.end(), arrows.begin(), arrows.end());
  return dyn;
}

Result<render::FrameParams> PlanView::prepare(render::Renderer& r, const ViewState& v,
                                              const OverlayData* data, ui::Legend* legend) {
  auto changed = update(v);
  if (!changed) return changed.error();
  if (!uploaded_) {
    r.set_world(render_world());
    uploaded_ = true;
  }
  OverlayResult o = overlay(v, data);
  r.set_elements(o.elements);
  if (legend) *legend = std::move(o.legend);
  r.set_dynamic_instances(excavation_instances(*left_, v.excavation));
  return frame_params(v, r.width(), r.height());
}

}  // namespace et::app
