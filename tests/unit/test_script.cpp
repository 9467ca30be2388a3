#include <gtest/gtest.h>

#include <GLFW/glfw3.h>

#include "et/app/script.h"

namespace {

using et::app::InputState;
using et::app::ScriptPlayer;

TEST(Script, ParsesAndReportsLine) {
  auto ok = et::app::parse_script("# demo\nkey down W\nwait 3\nkey up W\nscreenshot a.png\nquit\n",
                                  "s.txt");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  auto bad = et::app::parse_script("wait 2\nkey down NOPE\n", "s.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("s.txt: line 2"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(et::app::parse_script("wait many\n", "s.txt").ok());
  EXPECT_FALSE(et::app::parse_script("jump 1 2\n", "s.txt").ok());
}

TEST(Script, PlaysFrameByFrame) {
  auto steps = et::app::parse_script("key down W\nwait 3\nkey up W\nscreenshot a.png\nquit\n", "s");
  ASSERT_TRUE(steps.ok());
  ScriptPlayer p(std::move(*steps));
  InputState in;
  std::string shot;
  bool quit = false;
  int frames_with_w = 0;
  for (int frame = 0; frame < 20 && !quit; ++frame) {
    shot.clear();
    p.advance(in, shot, quit);
    if (in.keys.count(GLFW_KEY_W)) ++frames_with_w;
    if (!shot.empty()) {
      EXPECT_EQ(shot, "a.png");
      EXPECT_EQ(frame, 3);
    }
  }
  EXPECT_EQ(frames_with_w, 3);
  EXPECT_TRUE(quit);
}

TEST(Script, DragInterpolatesAndReleases) {
  auto steps = et::app::parse_script("drag 0 0 100 50 left 4\n", "s");
  ASSERT_TRUE(steps.ok());
  ScriptPlayer p(std::move(*steps));
  InputState in;
  std::string shot;
  bool quit = false, saw_down = false;
  double max_x = 0;
  for (int i = 0; i < 20 && !p.done(); ++i) {
    p.advance(in, shot, quit);
    saw_down = saw_down || in.buttons[0];
    max_x = std::max(max_x, in.mouse_x);
  }
  EXPECT_TRUE(saw_down);
  EXPECT_FALSE(in.buttons[0]);
  EXPECT_DOUBLE_EQ(max_x, 100.0);
  EXPECT_DOUBLE_EQ(in.mouse_y, 50.0);
}

}  // namespace
