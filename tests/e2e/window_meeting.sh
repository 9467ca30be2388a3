#!/usr/bin/env bash
# Meeting mode and languages in the real window under Xvfb (issue 7, points 5 and 6):
# --lang zh/en screenshots differ in the panel and the zh run logs its CJK font; a click on
# "中文" switches the language; --fullscreen takes the screen's size; a bad --monitor fails
# with one line; --presenter hides the panel and shows a large caption; --ui-scale 2 doubles
# the panel; Space plays and pauses the clock; frame times are printed.
set -u
exe=$1 tool=$2 scene=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
fail() { echo "FAIL $*"; exit 1; }
screen=(-s "-screen 0 1280x720x24")
run() {  # run NAME SCRIPT ARGS...: the window with that script (OUT: $out), log in NAME.log
  local name=$1 text=$2
  shift 2
  printf "$text" | sed "s#OUT#$out#g" >"$out/$name.script"
  xvfb-run -a "${screen[@]}" "$exe" view "$scene" --size 960x540 --script "$out/$name.script" "$@" \
    >"$out/$name.log" 2>&1 || { cat "$out/$name.log"; fail "$name: view exited non-zero"; }
}
dark_by() {  # dark_by A.png B.png RECT MIN: region in A darker than in B by more than MIN
  read -r r1 g1 b1 < <("$tool" region-stats "$1" "$3")
  read -r r2 g2 b2 < <("$tool" region-stats "$2" "$3")
  python3 -c "import sys; sys.exit(0 if ($r2+$g2+$b2) - ($r1+$g1+$b1) > $4 else 1)"
}

# Languages: the same view in English and Chinese.
run en 'wait 3\nscreenshot OUT/en.png\nquit\n' --view overview --lang en
run zh 'wait 3\nscreenshot OUT/zh.png\nquit\n' --view overview --lang zh
grep -Eq '^font: .*NotoSansCJK-Regular.ttc face 2 .*, [1-9][0-9]* CJK glyphs' "$out/zh.log" || { cat "$out/zh.log"; fail "zh run did not log its CJK font and glyph count"; }
grep -m1 '^font:' "$out/zh.log"
# The panel (left) differs, the scene to its right does not.
if "$tool" compare "$out/zh.png" "$out/en.png" 8 0.01 320,0,640,540 >/dev/null; then fail "zh and en panels look the same"; fi
# (Outside the panels: the notes button top, the alarms bottom centre, tools and legend right.)
"$tool" compare "$out/zh.png" "$out/en.png" 8 0.002 0,0,320,540 300,0,200,40 310,380,340,160 700,150,260,390 || fail "zh changed the scene outside the panels"
# A click on the "中文" radio button switches the running window to Chinese.
run switch 'wait 3\nscreenshot OUT/switch_before.png\nclick 108 46\nwait 3\nscreenshot OUT/switch_after.png\nquit\n' --view overview
grep -q '^language zh' "$out/switch.log" || { cat "$out/switch.log"; fail "clicking 中文 did not switch the language"; }
if "$tool" compare "$out/switch_after.png" "$out/switch_before.png" 8 0.01 320,0,640,540 >/dev/null; then fail "switching the language did not change the panel"; fi
# (The frame time line and the hovered, focused panel differ.)
"$tool" compare "$out/switch_after.png" "$out/zh.png" 8 0.01 0,0,320,120 0,500,320,40 || fail "switched window differs from --lang zh"
# No CJK font: one warning line, the UI stays English.
ESTATETWIN_CJK_FONT=$out/no-such-font.ttc run nofont 'wait 3\nscreenshot OUT/nofont.png\nquit\n' --view overview --lang zh
[ "$(grep -c 'no CJK font' "$out/nofont.log")" = 1 ] || { cat "$out/nofont.log"; fail "missing font: want one warning line"; }
"$tool" compare "$out/nofont.png" "$out/en.png" 8 0.002 || fail "without the font the UI is not the English one"

# Fullscreen: the window takes the screen's size.
run full 'wait 3\nscreenshot OUT/full.png\nquit\n' --view overview --fullscreen
read -r w h colours < <("$tool" info "$out/full.png")
[ "$w" = 1280 ] && [ "$h" = 720 ] || fail "fullscreen window is $w x $h, want the screen's 1280 x 720"
# A monitor that is not there: one line naming the monitors, exit 2.
xvfb-run -a "${screen[@]}" "$exe" view "$scene" --monitor 5 >"$out/monitor.out" 2>"$out/monitor.err"
rc=$?
[ "$rc" = 2 ] || fail "--monitor 5 exited $rc, want 2"
[ "$(wc -l <"$out/monitor.err")" = 1 ] || { cat "$out/monitor.err"; fail "--monitor 5: want one line"; }
grep -Eq -- '--monitor 5: no such monitor \(have: 0: .* 1280x720\)' "$out/monitor.err" || { cat "$out/monitor.err"; fail "--monitor 5: message does not list the monitors"; }
cat "$out/monitor.err"

# Presenter layout: no panel (its place shows the scene), a large caption top-left.
run presenter 'wait 3\nscreenshot OUT/presenter.png\nkey press F5\nwait 2\nscreenshot OUT/presenter_off.png\nquit\n' --view overview --presenter
grep -q '^presenter off' "$out/presenter.log" || fail "F5 did not leave the presenter layout"
"$exe" render "$scene" --view overview --size 960x540 --out "$out/headless.png" >/dev/null || fail "headless render"
# Under the caption, where the panel was, the picture is the scene.
"$tool" compare "$out/presenter.png" "$out/headless.png" 12 0.01 0,0,960,200 300,0,660,540 || fail "presenter layout still shows a panel"
dark_by "$out/presenter_off.png" "$out/presenter.png" 12,260,250,200 60 || fail "F5 did not bring the panel back"
# The caption: large text on a dark box, taller than two lines of the panel's 13 px font.
dark_by "$out/presenter.png" "$out/headless.png" 12,12,150,70 40 || fail "no large caption top-left"

# UI scale 2: the panel is about twice as wide (580 px instead of 290).
run scale1 'wait 3\nscreenshot OUT/scale1.png\nquit\n' --view overview --ui-scale 1
run scale2 'wait 3\nscreenshot OUT/scale2.png\nquit\n' --view overview --ui-scale 2
dark_by "$out/scale2.png" "$out/scale1.png" 340,60,200,40 60 || fail "--ui-scale 2: the panel does not reach past 340 px"
# ... and stops before 596 px: there both show the sky (the other panels grow too, elsewhere).
"$tool" compare "$out/scale2.png" "$out/scale1.png" 12 0.01 0,0,596,540 614,0,346,540 0,100,960,440 || fail "--ui-scale 2: the panel is wider than about 2x"
grep -q '^ui scale 1.00 (from the monitor' "$out/en.log" || { cat "$out/en.log"; fail "no automatic UI scale without --ui-scale"; }

# Space plays and pauses the clock; frame times are reported.
run clock 'wait 2\nkey press SPACE\nwait 30\nkey press SPACE\nwait 2\nquit\n' --view overview --time 10:00
grep -q '^clock playing' "$out/clock.log" && grep -q '^clock paused' "$out/clock.log" || { cat "$out/clock.log"; fail "Space did not play and pause the clock"; }
grep -E '^frame times: [0-9]+ frames, median [0-9.]+ ms, p99 [0-9.]+ ms' "$out/clock.log" || fail "no frame time figures"
echo "window_meeting: all checks passed"
