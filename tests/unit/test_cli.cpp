#include <gtest/gtest.h>

#include "et/app/cli_args.h"

namespace {

using et::app::parse_args;

TEST(Cli, ParsesOptionsFlagsAndPositionals) {
  auto a = parse_args({"scenes/x", "--size", "640x360", "--json", "--out=o.png"},
                      {"size", "out"}, {"json"});
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->positional, std::vector<std::string>{"scenes/x"});
  EXPECT_EQ(a->get("size"), "640x360");
  EXPECT_EQ(a->get("out"), "o.png");
  EXPECT_TRUE(a->has("json"));
}

TEST(Cli, RejectsUnknownAndMissingValues) {
  EXPECT_FALSE(parse_args({"--sise", "1x1"}, {"size"}, {}).ok());
  auto r = parse_args({"--size"}, {"size"}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("--size"), std::string::npos);
}

TEST(Cli, Size) {
  auto s = et::app::parse_size("1280x720", "--size");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->x, 1280);
  EXPECT_EQ(s->y, 720);
  EXPECT_FALSE(et::app::parse_size("0x0", "--size").ok());
  EXPECT_FALSE(et::app::parse_size("640", "--size").ok());
  EXPECT_FALSE(et::app::parse_size("640x-1", "--size").ok());
  EXPECT_FALSE(et::app::parse_size("axb", "--size").ok());
}

TEST(Cli, Numbers) {
  auto n = et::app::parse_numbers("1,2.5,-3,4,5,6", 6, "--camera");
  ASSERT_TRUE(n.ok());
  EXPECT_DOUBLE_EQ((*n)[1], 2.5);
  EXPECT_FALSE(et::app::parse_numbers("1,2,3", 6, "--camera").ok());
  EXPECT_FALSE(et::app::parse_numbers("1,2,nan,4,5,6", 6, "--camera").ok());
  EXPECT_FALSE(et::app::parse_numbers("1,2,,4,5,6", 6, "--camera").ok());
}

}  // namespace
