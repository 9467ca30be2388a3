#include "bookmark_controls.h"

#include <GLFW/glfw3.h>

#include <cstdio>
#include <utility>

#include "et/scene/bookmarks.h"

namespace et::app {

BookmarkControls::BookmarkControls(Scene& scene, TourPanel& tours) : scene_(scene), tours_(tours) {
  ui_.bookmarks = &scene_.bookmarks;
}

void BookmarkControls::report(const Status& s, const std::string& done) {
  ui_.status_error = !s;
  ui_.status = s ? done : s.error().message;
  // Printed too: input scripts and the tests read what happened from stdout.
  std::printf("%s\n", s ? done.c_str() : ("bookmark edit refused: " + ui_.status).c_str());
}

void BookmarkControls::choose(int i) {
  ui_.selected = i;
  std::snprintf(ui_.name, sizeof ui_.name, "%s", scene_.bookmarks[size_t(i)].name.c_str());
}

void BookmarkControls::start_at(const std::string& name) {
  for (size_t i = 0; i < scene_.bookmarks.size(); ++i)
    if (scene_.bookmarks[i].name == name) choose(int(i));
}

int BookmarkControls::update(const ViewState& view, const InputState& input, const InputState& prev,
                             bool keys_free) {
  using Action = ui::BookmarkUi::Action;
  std::vector<Bookmark>& list = scene_.bookmarks;
  const int sel = ui_.selected;
  int go = -1;
  switch (ui_.action) {
    case Action::kNone: break;
    case Action::kGoto:
      go = ui_.index;
      ui_.status.clear();  // a refusal about another bookmark no longer applies
      break;
    case Action::kAdd: {
      // An empty or taken name gets a free one, so Add always adds.
      std::string base = ui_.name[0] ? ui_.name : "view";
      std::string name = base;
      for (int n = 2; !bookmark_name_problem(scene_, name).empty(); ++n) name = base + "-" + std::to_string(n);
      list.push_back({name, view});
      Status s = save_bookmarks(scene_);
      if (!s) list.pop_back();
      else choose(int(list.size()) - 1);
      report(s, "bookmark added " + name);
      break;
    }
    case Action::kUpdate: {
      if (sel < 0) break;
      ViewState old = std::exchange(list[size_t(sel)].view, view);
      Status s = save_bookmarks(scene_);
      if (!s) list[size_t(sel)].view = old;
      report(s, "bookmark updated " + list[size_t(sel)].name);
      break;
    }
    case Action::kRename: {
      if (sel < 0) break;
      const std::string from = list[size_t(sel)].name, to = ui_.name;
      if (from == to) break;
      Status s = rename_bookmark(scene_, size_t(sel), to);
      if (s) tours_.rename_bookmark(from, to);
      report(s, "bookmark renamed " + from + " -> " + to);
      break;
    }
    case Action::kEarlier:
    case Action::kLater: {
      const int other = sel + (ui_.action == Action::kEarlier ? -1 : 1);
      if (sel < 0 || other < 0 || other >= int(list.size())) break;
      std::swap(list[size_t(sel)], list[size_t(other)]);
      Status s = save_bookmarks(scene_);
      if (!s) std::swap(list[size_t(sel)], list[size_t(other)]);
      else ui_.selected = other;
      report(s, "bookmark moved " + list[size_t(ui_.selected)].name + " to " + std::to_string(ui_.selected + 1));
      break;
    }
    case Action::kDelete: {
      if (sel < 0) break;
      const std::string name = list[size_t(sel)].name;
      // Unsaved tours in the Tours panel count too; delete_bookmark checks the file.
      const std::string tour = tours_.tour_using(name);
      Status s = tour.empty() ? delete_bookmark(scene_, size_t(sel))
                              : Status(make_error(bookmarks_path(scene_), "",
                                                  "bookmark '" + name + "' is used by tour '" + tour + "'"));
      if (s) ui_.selected = -1, ui_.name[0] = 0;
      report(s, "bookmark deleted " + name);
      break;
    }
  }
  // Presenter keys, on the press only.
  auto pressed = [&](int k) { return input.keys.count(k) && !prev.keys.count(k); };
  const int n = int(list.size());
  if (keys_free && n > 0) {
    const int at = ui_.selected;
    if (pressed(GLFW_KEY_PAGE_DOWN)) go = at < 0 ? 0 : (at + 1) % n;
    if (pressed(GLFW_KEY_PAGE_UP)) go = at < 0 ? n - 1 : (at + n - 1) % n;
    if (pressed(GLFW_KEY_HOME)) go = 0;
    if (pressed(GLFW_KEY_END)) go = n - 1;
  }
  if (go < 0 || go >= n) return -1;
  choose(go);
  std::printf("bookmark %s\n", list[size_t(go)].name.c_str());
  return go;
}

}  // namespace et::app
