// User bookmarks: bookmarks.json (format estatetwin-bookmarks/1) in the scene folder. When
// present it replaces scene.json's inline "bookmarks", so the window can save bookmarks
// without ever rewriting the user's scene.json; load_scene reads it, so `render --view`,
// `validate`, tours and `record` see what the window saved. Writes are atomic (temp file and
// rename). Edits that touch tours (a rename, a delete) keep tours.json valid.
#pragma once

#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/scene/view_state.h"

namespace et {

struct Scene;

// FOLDER/bookmarks.json (the file need not exist).
std::string bookmarks_path(const Scene& scene);

// Parses bookmarks.json text. Bookmarks start from the scene's ground opacity; errors name
// the file and the JSON pointer: "bookmarks.json: /bookmarks/2/name: duplicate bookmark 'x'".
Result<std::vector<Bookmark>> parse_bookmarks(const std::string& text, const std::string& path,
                                              int epoch_day, double ground_opacity);
// Replaces scene.bookmarks by bookmarks.json's when the folder has one.
Status load_user_bookmarks(Scene& scene);
// bookmarks.json text, one bookmark a line, every view field written out.
std::string bookmarks_json(const std::vector<Bookmark>& bookmarks, int epoch_day);
// Writes scene.bookmarks to bookmarks_path(scene) atomically.
Status save_bookmarks(const Scene& scene);

// "" when `name` may be used for a new or renamed bookmark (except `index`, the one being
// renamed), else why not ("expected a non-empty name", "a bookmark 'x' exists").
std::string bookmark_name_problem(const Scene& scene, const std::string& name, int index = -1);
// The first tour in the scene's tours file with a key on bookmark `name`, "" when none.
// An unreadable tours file is an error (it cannot be checked).
Result<std::string> tour_using_bookmark(const Scene& scene, const std::string& name);
// Renames bookmark `index` and every tour key naming it in the tours file, then saves both
// (bookmarks.json first). On failure nothing changes, in memory or on disk.
Status rename_bookmark(Scene& scene, size_t index, const std::string& to);
// Deletes bookmark `index` and saves; refused when a tour uses it:
// "bookmark 'x' is used by tour 'y'".
Status delete_bookmark(Scene& scene, size_t index);

}  // namespace et
