#pragma once
// For the app's end-to-end tests: each face is the real QML app offscreen (AppWindow, the
// same window main.cpp opens), driven as a person would — by touching what is visible — and
// photographed; layoutProblems lists what a person would see wrong on it.
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include "AppHarness.h"
#include "AppWindow.h"

namespace chamber::test {

struct Face {
  app::Chamber room;  // outlives the engine that shows it
  QQmlApplicationEngine engine;
  QQuickWindow* window = nullptr;
  app::Chamber* chamber = &room;
};

inline std::unique_ptr<Face> open(const AppServer& srv, QVariantMap options, const QString& who) {
  auto f = std::make_unique<Face>();
  options["server"] = srv.url();
  options["data"] = srv.dataDir(who);
  if (!options.contains("width")) options["width"] = 1280;
  if (!options.contains("height")) options["height"] = 800;
  f->window = app::openWindow(f->engine, f->room, options);
  return f->window ? std::move(f) : nullptr;
}

/// A visible item by objectName, searched in the visual tree (popups live in the overlay).
inline QQuickItem* findVisible(QQuickItem* root, const QString& name) {
  if (!root || !root->isVisible()) return nullptr;
  if (root->objectName() == name) return root;
  for (QQuickItem* c : root->childItems())
    if (QQuickItem* hit = findVisible(c, name)) return hit;
  return nullptr;
}

inline QQuickItem* item(Face& f, const char* name) {
  return findVisible(f.window->contentItem(), name);
}

/// Scrolls the views holding an item until it is in the window, as a person would.
inline void scrollIntoView(QQuickItem* i) {
  for (QQuickItem* p = i->parentItem(); p; p = p->parentItem()) {
    if (!p->inherits("QQuickFlickable")) continue;
    QQuickItem* content = p->property("contentItem").value<QQuickItem*>();
    if (!content) continue;
    const QRectF r = i->mapRectToItem(content, QRectF(0, 0, i->width(), i->height()));
    const qreal y = p->property("contentY").toReal(), h = p->height();
    if (r.top() < y || r.bottom() > y + h) {
      p->setProperty("contentY", r.top() < y ? r.top() : r.bottom() - h);
      QTest::qWait(50);  // one frame, for the new positions
    }
  }
}

inline bool click(Face& f, const char* name) {
  QQuickItem* i = item(f, name);
  if (!i) return false;
  scrollIntoView(i);
  const QPointF c = i->mapToScene(QPointF(i->width() / 2, i->height() / 2));
  QTest::mouseClick(f.window, Qt::LeftButton, {}, c.toPoint());
  return true;
}

inline QString shotsDir() {
  const QString d = QString(CHAMBER_BINARY_DIR) + "/screenshots";
  QDir().mkpath(d);
  return d;
}

inline void shot(Face& f, const QString& name) {
  QTest::qWait(300);  // let the last frame render
  QVERIFY(f.window->grabWindow().save(shotsDir() + "/" + name + ".png"));
}

/// What a person would see wrong on a face: a text cut short (elided, or wider than its
/// box without wrapping), a text or control cut by its container or the window, and touch
/// targets under 48 px. What a list or scroll view holds out of view scrolls to it: only what
/// is in view there is looked at, and being cut at its edge is not a fault.
inline void layoutProblems(QQuickItem* it, QStringList& out, QRectF clip, bool scrolls) {
  if (!it || !it->isVisible() || it->opacity() == 0 || it->width() <= 0 || it->height() <= 0)
    return;
  const QRectF r = it->mapRectToScene(QRectF(0, 0, it->width(), it->height()));
  if (scrolls && !r.intersects(clip)) return;  // scrolled out of view
  const bool readable = it->inherits("QQuickText") || it->inherits("QQuickAbstractButton") ||
                        it->inherits("QQuickTextInput");
  const QString text = it->property("text").toString().left(50);
  if (it->inherits("QQuickText")) {
    if (it->property("truncated").toBool()) out << "cut short: \"" + text + "\"";
    const bool wraps = it->property("wrapMode").toInt() != 0;
    if (!wraps && it->property("contentWidth").toReal() > it->width() + 2 && !it->clip())
      out << QString("wider than its box (%1 > %2 px): \"%3\"")
                 .arg(it->property("contentWidth").toReal())
                 .arg(it->width())
                 .arg(text);
  }
  if (readable && !scrolls && !clip.adjusted(-1, -1, 1, 1).contains(r))
    out << QString("cut by its container or the window (%1,%2 %3×%4): \"%5\"")
               .arg(r.x())
               .arg(r.y())
               .arg(r.width())
               .arg(r.height())
               .arg(text);
  if (it->inherits("QQuickAbstractButton") && it->isEnabled() &&
      (r.height() < 47.5 || r.width() < 47.5))
    out << QString("touch target %1×%2 px: \"%3\"").arg(r.width()).arg(r.height()).arg(text);
  const QRectF inner = it->clip() ? clip.intersected(r) : clip;
  const bool innerScrolls = scrolls || it->inherits("QQuickFlickable");
  for (QQuickItem* c : it->childItems()) layoutProblems(c, out, inner, innerScrolls);
}

inline QStringList layoutProblems(Face& f) {
  QStringList out;
  layoutProblems(f.window->contentItem(), out, QRectF(0, 0, f.window->width(), f.window->height()),
                 false);
  out.removeDuplicates();
  return out;
}

/// The console's sign dialog filled as the chair of the test council types it: the SoftHSM
/// token "chu-tich" (tests/support/TestToken.h), his name and title, and `pin`.
inline void fillSignDialog(Face& f, const char* module, const QString& pin) {
  item(f, "signModule")->setProperty("text", module);
  item(f, "signToken")->setProperty("text", "chu-tich");
  item(f, "signKey")->setProperty("text", "chu-tich-key");
  item(f, "signName")->setProperty("text", "Nguyễn Văn Hùng");
  item(f, "signTitle")->setProperty("text", "Chủ tịch HĐND xã");
  item(f, "signPin")->setProperty("text", pin);
}

}  // namespace chamber::test
