#include "tour_panel.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <imgui.h>

#include "et/core/date.h"
#include "et/ui/i18n.h"

extern char** environ;

namespace et::app {
namespace {

const char* kSizes[] = {"1280x720", "1920x1080", "640x360", "3840x2160"};
const int kFps[] = {24, 30, 60};

// "3. pumphouse  04:05 alarm" (with the date when the key is on the schedule).
std::string key_label(const TourKey& k, size_t i, int epoch_day) {
  const ViewState& v = k.view;
  const double day = v.staged ? std::floor(v.time_s / 86400.0) : 0.0;
  const long s = std::lround(v.time_s - day * 86400.0);
  char buf[200];
  std::snprintf(buf, sizeof buf, "%zu. %s  %s%02ld:%02ld %s%s%s", i + 1,
                k.bookmark.empty() ? ui::tr("(view)") : ui::tr(k.bookmark.c_str()),
                v.staged ? (format_date(epoch_day + int(day)) + " ").c_str() : "", s / 3600,
                s / 60 % 60, v.overlay.c_str(), v.plan.empty() ? "" : (std::string(" ") + ui::tr("plan") + " ").c_str(), v.plan.c_str());
  return buf;
}

}  // namespace

TourPanel::TourPanel(const Scene& scene, std::vector<std::string>& warnings) : scene_(scene) {
  auto loaded = load_tours(scene);
  if (loaded) tours_ = std::move(*loaded);
  else warnings.push_back("tours not loaded: " + loaded.error().message);
}

TourPanel::~TourPanel() {
  if (pid_ > 0) {
    ::kill(pid_, SIGINT);  // record finishes the file with what it has
    ::waitpid(pid_, nullptr, 0);
  }
  if (fd_ >= 0) ::close(fd_);
}

bool TourPanel::draw(ViewState& view, double dt) {
  poll_record();
  const ImGuiIO& io = ImGui::GetIO();
  // Anchored bottom-left under the main panel and as wide (the main panel leaves it room),
  // starting collapsed: it grows upwards when opened, the main panel shrinking above it.
  const float width = 290.0f * io.FontGlobalScale;
  ImGui::SetNextWindowPos(ImVec2(10, io.DisplaySize.y - 10), ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, io.DisplaySize.y * 0.5f));
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  bool moved = false;
  if (!ImGui::Begin(ui::tr_id("Tours", "tours").c_str(), nullptr,
                    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_HorizontalScrollbar)) {
    ImGui::End();
    if (playing_) {  // keep playing when folded away
      t_ += float(dt);
      if (size_t(current_) < tours_.size()) {
        playing_ = t_ < tours_[size_t(current_)].length_s();
        view = tour_view_at(tours_[size_t(current_)], t_);
        moved = true;
      }
    }
    return moved;
  }
  // Which tour; a new one from the name field.
  if (ImGui::BeginCombo(ui::tr("tour"), size_t(current_) < tours_.size() ? ui::tr(tours_[size_t(current_)].name.c_str()) : ui::tr("(none)"))) {
    for (size_t i = 0; i < tours_.size(); ++i)
      if (ImGui::Selectable((ui::tr(tours_[i].name) + "##" + std::to_string(i)).c_str(), int(i) == current_)) {
        current_ = int(i);
        t_ = 0.0f;
        playing_ = false;
      }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(100.0f * ImGui::GetIO().FontGlobalScale);
  ImGui::InputText("##name", name_, sizeof name_);
  ImGui::SameLine();
  if (ImGui::Button(ui::tr("New tour"))) {
    std::string name = name_;
    bool taken = std::any_of(tours_.begin(), tours_.end(), [&](const Tour& t) { return t.name == name; });
    if (name.empty() || taken) {
      status_ = name.empty() ? std::string(ui::tr("give the tour a name")) : ui::tr("a tour exists: ") + name;
    } else {
      tours_.push_back(Tour{name, "", {}});
      current_ = int(tours_.size()) - 1;
      dirty_ = true;
    }
  }
  if (size_t(current_) < tours_.size()) {
    ImGui::SameLine();
    if (ImGui::Button(ui::tr("Delete tour"))) {
      tours_.erase(tours_.begin() + current_);
      current_ = std::max(0, current_ - 1);
      playing_ = false;
      dirty_ = true;
    }
  }
  if (size_t(current_) < tours_.size()) draw_keys(view, moved);
  if (ImGui::Button(dirty_ ? ui::tr_id("Save*", "save").c_str() : ui::tr_id("Save", "save").c_str())) {
    Status s = save_tours(tours_, scene_);
    status_ = s ? ui::tr("saved ") + tours_path(scene_) : s.error().message;
    dirty_ = dirty_ && !s;
  }
  draw_record();
  if (!status_.empty()) ImGui::TextWrapped("%s", status_.c_str());
  ImGui::End();
  if (playing_ && size_t(current_) < tours_.size()) {
    const Tour& tour = tours_[size_t(current_)];
    t_ += float(dt);
    if (t_ >= tour.length_s()) t_ = float(tour.length_s()), playing_ = false;
    view = tour_view_at(tour, t_);
    moved = true;
  }
  return moved;
}

void TourPanel::draw_keys(ViewState& view, bool& moved) {
  Tour& tour = tours_[size_t(current_)];
  ImGui::Separator();
  int remove = -1, up = -1;
  for (size_t i = 0; i < tour.keys.size(); ++i) {
    TourKey& k = tour.keys[i];
    ImGui::PushID(int(i));
    if (ImGui::SmallButton(ui::tr("go"))) {
      view = k.view;
      t_ = float(tour.key_time(i));
      moved = true;
    }
    ImGui::SameLine();
    if (ImGui::ArrowButton("up", ImGuiDir_Up) && i > 0) up = int(i);
    ImGui::SameLine();
    if (ImGui::ArrowButton("down", ImGuiDir_Down) && i + 1 < tour.keys.size()) up = int(i) + 1;
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) remove = int(i);
    ImGui::SameLine();
    if (ImGui::SmallButton(ui::tr("set"))) {  // this key becomes the current view, inline
      k.view = view;
      k.bookmark.clear();
      dirty_ = true;
    }
    ImGui::SameLine();
    float d = float(k.duration_s);
    ImGui::SetNextItemWidth(70.0f * ImGui::GetIO().FontGlobalScale);
    if (ImGui::DragFloat("##d", &d, 0.1f, 0.0f, 600.0f, "%.1f s")) {
      k.duration_s = std::max(0.0f, d);
      dirty_ = true;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted(key_label(k, i, scene_.epoch_day).c_str());
    ImGui::PopID();
  }
  if (remove >= 0) tour.keys.erase(tour.keys.begin() + remove), dirty_ = true;
  if (up > 0) std::swap(tour.keys[size_t(up)], tour.keys[size_t(up) - 1]), dirty_ = true;
  // New keys: the current view, or a bookmark.
  ImGui::SetNextItemWidth(70.0f * ImGui::GetIO().FontGlobalScale);
  ImGui::DragFloat("##new", &new_duration_, 0.1f, 0.0f, 600.0f, "%.1f s");
  ImGui::SameLine();
  if (ImGui::Button(ui::tr("Add view"))) {
    tour.keys.push_back(TourKey{view, new_duration_, Ease::kInOut, ""});
    dirty_ = true;
  }
  if (!scene_.bookmarks.empty()) {
    ImGui::SameLine();
    bookmark_ = std::clamp(bookmark_, 0, int(scene_.bookmarks.size()) - 1);
    ImGui::SetNextItemWidth(110.0f * ImGui::GetIO().FontGlobalScale);
    if (ImGui::BeginCombo("##bm", ui::tr(scene_.bookmarks[size_t(bookmark_)].name.c_str()))) {
      for (size_t i = 0; i < scene_.bookmarks.size(); ++i)
        if (ImGui::Selectable((ui::tr(scene_.bookmarks[i].name) + "##" + std::to_string(i)).c_str(), int(i) == bookmark_)) bookmark_ = int(i);
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button(ui::tr("Add bookmark"))) {
      const Bookmark& b = scene_.bookmarks[size_t(bookmark_)];
      tour.keys.push_back(TourKey{b.view, new_duration_, Ease::kInOut, b.name});
      dirty_ = true;
    }
  }
  // Preview: play from the slider's time, or scrub.
  const float length = float(tour.length_s());
  if (ImGui::Button(playing_ ? ui::tr_id("Pause", "tplay").c_str() : ui::tr_id("Play", "tplay").c_str()) && !tour.keys.empty()) {
    playing_ = !playing_;
    if (playing_ && t_ >= length) t_ = 0.0f;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(200.0f * ImGui::GetIO().FontGlobalScale);
  if (ImGui::SliderFloat("##t", &t_, 0.0f, std::max(length, 0.001f), "%.1f s") && !tour.keys.empty()) {
    view = tour_view_at(tour, t_);
    moved = true;
  }
  ImGui::SameLine();
  ImGui::Text(ui::tr("of %.1f s"), double(length));
}

void TourPanel::draw_record() {
  ImGui::Separator();
  if (size_t(current_) >= tours_.size()) return;
  const Tour& tour = tours_[size_t(current_)];
  if (out_tour_ != tour.name) {  // a new tour: a new default file name
    std::snprintf(out_, sizeof out_, "%s.mp4", tour.name.c_str());
    out_tour_ = tour.name;
  }
  if (pid_ > 0) {
    const float f = total_ > 0 ? float(done_) / float(total_) : 0.0f;
    char text[96];
    std::snprintf(text, sizeof text, ui::tr("%d/%d frames, %s left"), done_, total_, left_.empty() ? "?" : left_.c_str());
    ImGui::ProgressBar(f, ImVec2(260, 0), text);
    ImGui::SameLine();
    if (ImGui::Button(ui::tr("Stop"))) ::kill(pid_, SIGINT);  // record ends the file cleanly
    return;
  }
  ImGui::SetNextItemWidth(200.0f * ImGui::GetIO().FontGlobalScale);
  ImGui::InputText(ui::tr_id("out", "out").c_str(), out_, sizeof out_);
  ImGui::SetNextItemWidth(100.0f * ImGui::GetIO().FontGlobalScale);
  ImGui::Combo(ui::tr_id("size", "size").c_str(), &size_choice_, kSizes, IM_ARRAYSIZE(kSizes));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(60.0f * ImGui::GetIO().FontGlobalScale);
  ImGui::Combo(ui::tr_id("fps", "fps").c_str(), &fps_choice_, "24\0" "30\0" "60\0");
  ImGui::SameLine();
  if (ImGui::Button(ui::tr("Record")) && !tour.keys.empty()) start_record();
}

void TourPanel::start_record() {
  // record reads the tours file: save first so it records what the panel shows.
  if (dirty_) {
    if (Status s = save_tours(tours_, scene_); !s) {
      status_ = s.error().message;
      return;
    }
    dirty_ = false;
  }
  char exe[4096];
  ssize_t n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) {
    status_ = std::string("cannot find the executable: ") + std::strerror(errno);
    return;
  }
  exe[n] = '\0';
  std::vector<std::string> args = {exe, "record", scene_.dir, "--tour", tours_[size_t(current_)].name,
                                   "--size", kSizes[size_choice_], "--fps",
                                   std::to_string(kFps[fps_choice_]), "--out", out_};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int p[2];
  if (::pipe2(p, O_CLOEXEC) != 0) {
    status_ = std::string("cannot start record: ") + std::strerror(errno);
    return;
  }
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, p[1], 1);
  posix_spawn_file_actions_adddup2(&fa, p[1], 2);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  int rc = posix_spawn(&pid_, exe, &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(p[1]);
  if (rc != 0) {
    ::close(p[0]);
    pid_ = -1;
    status_ = std::string("cannot start record: ") + std::strerror(rc);
    return;
  }
  fd_ = p[0];
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  log_.clear();
  done_ = total_ = 0;
  left_.clear();
  status_ = "recording " + std::string(out_);
  std::printf("record started: %s\n", out_);
}

void TourPanel::poll_record() {
  if (pid_ <= 0) return;
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fd_, buf, sizeof buf)) > 0) log_.append(buf, size_t(n));
  // The progress line is redrawn with '\r': the last complete one says where it is.
  size_t end = log_.rfind(" left");
  if (end != std::string::npos) {
    size_t start = log_.rfind('\r', end);
    std::string line = log_.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1));
    size_t slash = line.find(" frames");
    if (slash != std::string::npos) {
      size_t b = line.rfind(' ', slash - 1);
      std::sscanf(line.c_str() + (b == std::string::npos ? 0 : b + 1), "%d/%d", &done_, &total_);
      size_t fps = line.find(" fps ", slash);
      if (fps != std::string::npos) left_ = line.substr(fps + 5);
    }
  }
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return;
  while ((n = ::read(fd_, buf, sizeof buf)) > 0) log_.append(buf, size_t(n));
  ::close(fd_);
  fd_ = -1;
  pid_ = -1;
  // The summary (stdout) or the error (stderr) is the last line that is not progress.
  std::string last;
  size_t pos = 0;
  while (pos < log_.size()) {
    size_t nl = log_.find('\n', pos);
    std::string line = log_.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    size_t cr = line.rfind('\r');
    if (cr != std::string::npos) line = line.substr(cr + 1);
    if (!line.empty() && line.rfind("recording [", 0) != 0) last = line;
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  status_ = (code == 0 ? "" : code == 130 ? "stopped: " : "record failed: ") + last;
  std::printf("record finished (exit %d): %s\n", code, last.c_str());
}

std::string TourPanel::tour_using(const std::string& name) const {
  for (const Tour& t : tours_)
    for (const TourKey& k : t.keys)
      if (k.bookmark == name) return t.name;
  return "";
}

void TourPanel::rename_bookmark(const std::string& from, const std::string& to) {
  for (Tour& t : tours_)
    for (TourKey& k : t.keys)
      if (k.bookmark == from) k.bookmark = to;
}

}  // namespace et::app
