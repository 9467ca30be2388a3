#include "et/ui/notes_panel.h"

#include <imgui.h>

#include <string>

#include "et/ui/color.h"
#include "et/ui/i18n.h"

namespace et::ui {

void draw_notes_panel(NotesUi& m) {
  m.action = NotesUi::Action::kNone;
  m.index = -1;
  const float s = ImGui::GetIO().FontGlobalScale;
  // Right of the main panel (290 wide at x = 10), clear of the inspector on the right.
  ImGui::SetNextWindowPos(ImVec2(310.0f * s, 10.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(270.0f * s, ImGui::GetIO().DisplaySize.y * 0.6f));
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (!ImGui::Begin(tr_id("Notes", "notes").c_str(), nullptr,
                    ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::End();
    return;
  }
  ImGui::PushTextWrapPos(0.0f);  // long notes and messages wrap at the panel's edge
  ImGui::Checkbox(tr("Pin a note on click"), &m.pin_mode);
  if (m.pin_mode && m.selected < 0) ImGui::TextDisabled("%s", tr("Click a building, a pipe or the ground."));
  if (m.selected >= 0 && m.selected < int(m.rows.size())) {
    ImGui::SetNextItemWidth(200.0f * s);
    if (m.focus_text) {
      ImGui::SetKeyboardFocusHere();
      m.focus_text = false;
    }
    bool enter = ImGui::InputText("##notetext", m.text, sizeof m.text,
                                  ImGuiInputTextFlags_AutoSelectAll | ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button(tr("Save")) || enter) {
      m.action = NotesUi::Action::kSave;
      m.index = m.selected;
    }
  }
  if (!m.rows.empty()) ImGui::Separator();
  for (size_t i = 0; i < m.rows.size(); ++i) {
    ImGui::PushID(int(i));
    if (ImGui::SmallButton(tr("Go"))) m.action = NotesUi::Action::kGoto, m.index = int(i);
    ImGui::SameLine();
    if (ImGui::SmallButton("x")) m.action = NotesUi::Action::kDelete, m.index = int(i);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Delete this note"));
    ImGui::SameLine();
    const std::string label = m.rows[i].text + "  (" + m.rows[i].anchor + ")";
    if (ImGui::Selectable(label.c_str(), int(i) == m.selected)) {
      m.action = NotesUi::Action::kSelect;
      m.index = int(i);
    }
    ImGui::PopID();
  }
  if (m.rows.empty()) ImGui::TextDisabled("%s", tr("No notes yet."));
  if (!m.status.empty()) {
    if (m.status_error)
      ImGui::TextColored(linear_color(ImVec4(1.0f, 0.45f, 0.35f, 1.0f)), "%s", m.status.c_str());
    else
      ImGui::TextDisabled("%s", m.status.c_str());
  }
  ImGui::PopTextWrapPos();
  ImGui::End();
}

void draw_note_labels(const std::vector<NoteLabel>& labels) {
  // Colours go through linear_u32: ImGui draws into sRGB targets (color.h).
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const float s = ImGui::GetIO().FontGlobalScale;
  // The label sits above its anchor, so it does not hide what the note is about.
  const float rise = 46.0f * s;
  for (const NoteLabel& l : labels) {
    const ImU32 line = l.missing ? linear_u32({200, 200, 200}, 200) : linear_u32({255, 214, 0});
    const ImVec2 a(l.anchor_x, l.anchor_y);
    const ImVec2 size = ImGui::CalcTextSize(l.text.c_str());
    const ImVec2 p(a.x - size.x / 2, a.y - rise - size.y);
    dl->AddLine(a, ImVec2(a.x, a.y - rise), line, 2.0f * s);
    dl->AddCircleFilled(a, 3.5f * s, line);
    const ImU32 bg = l.chosen ? linear_u32({120, 80, 0}, 230) : linear_u32({20, 20, 20}, 215);
    dl->AddRectFilled(ImVec2(p.x - 4, p.y - 2), ImVec2(p.x + size.x + 4, p.y + size.y + 2), bg, 3.0f);
    dl->AddRect(ImVec2(p.x - 4, p.y - 2), ImVec2(p.x + size.x + 4, p.y + size.y + 2), line, 3.0f);
    dl->AddText(p, l.missing ? linear_u32({200, 200, 200}) : IM_COL32(255, 255, 255, 255), l.text.c_str());
  }
}

}  // namespace et::ui
