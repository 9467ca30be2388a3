#include "et/ui/bookmark_panel.h"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "et/ui/color.h"
#include "et/ui/i18n.h"

namespace et::ui {

void draw_bookmarks(BookmarkUi& m) {
  m.action = BookmarkUi::Action::kNone;
  m.index = -1;
  if (!ImGui::CollapsingHeader(tr_id("Bookmarks", "bookmarks").c_str(), ImGuiTreeNodeFlags_DefaultOpen))
    return;
  const std::vector<Bookmark> none;
  const std::vector<Bookmark>& list = m.bookmarks ? *m.bookmarks : none;
  if (m.selected >= int(list.size())) m.selected = -1;
  // The bookmarks flow as buttons, wrapping at the panel's edge, so a handful take two
  // lines and the panel still fits a 960x540 window.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  for (size_t i = 0; i < list.size(); ++i) {
    // Shipped bookmark names have translations (a user's own name is shown as typed).
    const char* shown = tr(list[i].name.c_str());
    const std::string label = std::string(shown) + "##bm" + std::to_string(i);
    const float w = ImGui::CalcTextSize(shown).x + style.FramePadding.x * 2;
    if (i > 0) {
      ImGui::SameLine();
      if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
    }
    const bool chosen = int(i) == m.selected;
    if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, style.Colors[ImGuiCol_ButtonActive]);
    if (ImGui::Button(label.c_str())) {
      m.action = BookmarkUi::Action::kGoto;
      m.index = int(i);
      m.selected = int(i);
      std::snprintf(m.name, sizeof m.name, "%s", list[i].name.c_str());
    }
    if (chosen) ImGui::PopStyleColor();
  }
  if (list.empty()) ImGui::TextDisabled("%s", tr("No bookmarks yet: name one and press Add."));

  const float s = ImGui::GetIO().FontGlobalScale;
  ImGui::SetNextItemWidth(130.0f * s);
  // Clicking the field selects its text, so typing replaces the name.
  ImGui::InputTextWithHint("##bmname", tr("name"), m.name, sizeof m.name,
                           ImGuiInputTextFlags_AutoSelectAll);
  ImGui::SameLine();
  if (ImGui::Button(tr("Add"))) m.action = BookmarkUi::Action::kAdd;
  // The edits of the chosen bookmark take a second line only once one is chosen: the main
  // panel is already about as tall as a 960x540 window.
  if (m.selected >= 0) {
    ImGui::SameLine();
    if (ImGui::Button(tr("Rename"))) m.action = BookmarkUi::Action::kRename;
    if (ImGui::Button(tr("Update"))) m.action = BookmarkUi::Action::kUpdate;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Overwrite the chosen bookmark with the current view"));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##bmearlier", ImGuiDir_Left)) m.action = BookmarkUi::Action::kEarlier;
    ImGui::SameLine();
    if (ImGui::ArrowButton("##bmlater", ImGuiDir_Right)) m.action = BookmarkUi::Action::kLater;
    ImGui::SameLine();
    if (ImGui::Button(tr("Delete"))) m.action = BookmarkUi::Action::kDelete;
  }
  if (!m.status.empty()) {
    if (m.status_error)
      ImGui::TextColored(linear_color(ImVec4(1.0f, 0.45f, 0.35f, 1.0f)), "%s", m.status.c_str());
    else
      ImGui::TextDisabled("%s", m.status.c_str());
  }
}

void type_text(const std::string& utf8) { ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str()); }

}  // namespace et::ui
