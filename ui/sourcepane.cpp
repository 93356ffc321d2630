#include "sourcepane.h"

#include "pageview.h"
#include "palette.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBlock>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace nianbao::ui {

SourcePane::SourcePane(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_edit(new QPlainTextEdit(m_stack)),
      m_pages(new PageView(m_stack)), m_pagesAction(new QAction(this)), m_pagesButton(new QToolButton(this)),
      m_pageLabel(new QLabel(this)), m_modeBar(new QWidget(this)), m_findBar(new QWidget(this)),
      m_findEdit(new QLineEdit(m_findBar)), m_findStatus(new QLabel(m_findBar)),
      m_prev(new QToolButton(m_findBar)), m_next(new QToolButton(m_findBar)),
      m_close(new QToolButton(m_findBar))
{
    m_edit->setObjectName(u"sourceText"_s);
    m_edit->setReadOnly(true);
    m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_edit->setCenterOnScroll(true);
    // The selection stays visible when the tables have the focus.
    QPalette pal = m_edit->palette();
    pal.setColor(QPalette::Inactive, QPalette::Highlight, pal.color(QPalette::Active, QPalette::Highlight));
    pal.setColor(QPalette::Inactive, QPalette::HighlightedText,
                 pal.color(QPalette::Active, QPalette::HighlightedText));
    m_edit->setPalette(pal);

    m_findBar->setObjectName(u"findBar"_s);
    m_findEdit->setObjectName(u"findEdit"_s);
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->installEventFilter(this);
    m_prev->setArrowType(Qt::UpArrow);
    m_next->setArrowType(Qt::DownArrow);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setAutoRaise(true);
    m_prev->setAutoRaise(true);
    m_next->setAutoRaise(true);
    auto *bar = new QHBoxLayout(m_findBar);
    bar->setContentsMargins(4, 2, 4, 2);
    bar->addWidget(m_findEdit, 1);
    bar->addWidget(m_findStatus);
    bar->addWidget(m_prev);
    bar->addWidget(m_next);
    bar->addWidget(m_close);
    m_findBar->hide();

    // The pages or the text: one toggle, remembered.
    m_stack->addWidget(m_edit);
    m_stack->addWidget(m_pages);
    m_pagesAction->setObjectName(u"actionShowPages"_s);
    m_pagesAction->setCheckable(true);
    m_pagesAction->setChecked(QSettings().value(u"source/pages"_s, true).toBool());
    m_pagesAction->setShortcut(QKeySequence(u"Ctrl+Shift+T"_s));
    m_pagesAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_pagesAction);
    connect(m_pagesAction, &QAction::toggled, this, &SourcePane::setShowPages);
    m_pagesButton->setObjectName(u"pagesToggle"_s);
    m_pagesButton->setDefaultAction(m_pagesAction);
    m_pagesButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pagesButton->setAutoRaise(true);
    m_pageLabel->setObjectName(u"pageLabel"_s);
    m_modeBar->setObjectName(u"sourceModeBar"_s);
    auto *modes = new QHBoxLayout(m_modeBar);
    modes->setContentsMargins(4, 1, 4, 1);
    modes->addWidget(m_pageLabel, 1);
    modes->addWidget(m_pagesButton);
    m_modeBar->hide();
    connect(m_pages, &PageView::boxClicked, this, [this](qsizetype start) {
        m_pages->showSpans(start);
        updateMode();
        Q_EMIT cursorMoved(start);
    });

    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->setSpacing(0);
    lay->addWidget(m_modeBar);
    lay->addWidget(m_stack, 1);
    lay->addWidget(m_findBar);

    connect(m_findEdit, &QLineEdit::returnPressed, this, &SourcePane::findNext);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] {
        // Search as one types, from the start of the current selection.
        QTextCursor c = m_edit->textCursor();
        c.setPosition(c.selectionStart());
        m_edit->setTextCursor(c);
        find(false);
    });
    connect(m_next, &QToolButton::clicked, this, &SourcePane::findNext);
    connect(m_prev, &QToolButton::clicked, this, &SourcePane::findPrevious);
    connect(m_close, &QToolButton::clicked, this, [this] {
        m_findBar->hide();
        m_edit->setFocus();
    });
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (!m_programmatic)
            Q_EMIT cursorMoved(fromDocument(m_edit->textCursor().position()));
    });
    retranslate();
}

void SourcePane::retranslate()
{
    m_findEdit->setPlaceholderText(tr("Find in the source"));
    m_prev->setToolTip(tr("Previous match (Shift+Enter)"));
    m_next->setToolTip(tr("Next match (Enter)"));
    m_close->setToolTip(tr("Close (Esc)"));
    m_pagesAction->setText(tr("Show &Pages"));
    m_pagesAction->setToolTip(tr("The pages as printed, or the text read from them (Ctrl+Shift+T)"));
    updateMode();
}

void SourcePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

bool SourcePane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findEdit && event->type() == QEvent::KeyPress) {
        auto *k = static_cast<QKeyEvent *>(event);
        if (k->key() == Qt::Key_Escape) {
            m_findBar->hide();
            m_edit->setFocus();
            return true;
        }
        if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) &&
            (k->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool SourcePane::showingPages() const
{
    return m_stack->currentWidget() == m_pages;
}

void SourcePane::setShowPages(bool pages)
{
    if (m_pagesAction->isChecked() != pages)
        m_pagesAction->setChecked(pages); // comes back here through toggled
    QSettings().setValue(u"source/pages"_s, pages);
    updateMode();
}

void SourcePane::updateMode()
{
    const bool available = m_pages->hasDocument();
    m_modeBar->setVisible(available);
    m_pagesAction->setEnabled(available);
    m_stack->setCurrentWidget(available && m_pagesAction->isChecked() ? static_cast<QWidget *>(m_pages)
                                                                      : m_edit);
    const SourceBox *b = m_pages->currentBox();
    m_pageLabel->setText(!available ? QString()
                         : b        ? tr("Page %1 of %2").arg(b->page + 1).arg(m_pages->pageCount())
                                    : tr("%n page(s)", nullptr, m_pages->pageCount()));
}

void SourcePane::setDocument(const QString &text, const QString &pdfPath, const QList<SourceBox> &boxes)
{
    setText(text);
    if (!pdfPath.isEmpty())
        m_pages->setDocument(pdfPath, boxes, text);
    updateMode();
}

void SourcePane::setText(const QString &text)
{
    m_pages->clear();
    m_text = text;
    m_crlf.clear();
    for (qsizetype i = text.indexOf(u"\r\n"_s); i >= 0; i = text.indexOf(u"\r\n"_s, i + 2))
        m_crlf.append(i);
    m_programmatic = true;
    m_edit->setPlainText(text);
    m_edit->setExtraSelections({});
    m_programmatic = false;
    updateMode();
}

int SourcePane::toDocument(qsizetype pos) const
{
    // Each "\r\n" before pos is one character in the document.
    const auto n = std::lower_bound(m_crlf.begin(), m_crlf.end(), pos) - m_crlf.begin();
    return int(pos - n);
}

qsizetype SourcePane::fromDocument(int pos) const
{
    qsizetype p = pos;
    for (qsizetype c : m_crlf) {
        if (c < p)
            ++p;
        else
            break;
    }
    return p;
}

void SourcePane::showSpans(qsizetype start, qsizetype length,
                           const QList<std::pair<qsizetype, qsizetype>> &others)
{
    QList<QTextEdit::ExtraSelection> extra;
    for (const auto &[s, l] : others) {
        if (s < 0 || (s == start && l == length))
            continue;
        QTextEdit::ExtraSelection e;
        e.cursor = QTextCursor(m_edit->document());
        e.cursor.setPosition(toDocument(s));
        e.cursor.setPosition(toDocument(s + qMax<qsizetype>(l, 1)), QTextCursor::KeepAnchor);
        e.format.setBackground(Palette::sourceSpanOther());
        e.format.setProperty(QTextFormat::OutlinePen, QPen(Palette::uncertainMark()));
        extra.append(e);
    }
    m_programmatic = true;
    if (start >= 0) {
        QTextEdit::ExtraSelection e;
        e.cursor = QTextCursor(m_edit->document());
        e.cursor.setPosition(toDocument(start));
        e.cursor.select(QTextCursor::LineUnderCursor);
        e.format.setBackground(Palette::sourceSpanOther());
        e.format.setProperty(QTextFormat::FullWidthSelection, true);
        extra.prepend(e);
        QTextCursor c(m_edit->document());
        c.setPosition(toDocument(start));
        c.setPosition(toDocument(start + length), QTextCursor::KeepAnchor);
        m_edit->setTextCursor(c);
        m_edit->centerCursor();
    }
    m_edit->setExtraSelections(extra);
    m_programmatic = false;
    QList<qsizetype> starts;
    for (const auto &o : others)
        starts.append(o.first);
    m_pages->showSpans(start, starts);
    updateMode();
}

std::pair<qsizetype, qsizetype> SourcePane::selection() const
{
    const QTextCursor c = m_edit->textCursor();
    const qsizetype s = fromDocument(c.selectionStart());
    return {s, fromDocument(c.selectionEnd()) - s};
}

void SourcePane::showFindBar()
{
    m_findBar->show();
    const QString selected = m_edit->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator) && selected.size() < 60)
        m_findEdit->setText(selected);
    m_findEdit->setFocus();
    m_findEdit->selectAll();
}

void SourcePane::findNext()
{
    find(false);
}

void SourcePane::findPrevious()
{
    find(true);
}

void SourcePane::find(bool backwards)
{
    const QString needle = m_findEdit->text();
    m_findStatus->clear();
    m_findEdit->setStyleSheet({});
    if (needle.isEmpty())
        return;
    const QTextDocument::FindFlags flags =
        backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    m_programmatic = true;
    bool found = m_edit->find(needle, flags);
    if (!found) {
        // Wrap around.
        QTextCursor c(m_edit->document());
        c.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
        const QTextCursor keep = m_edit->textCursor();
        m_edit->setTextCursor(c);
        found = m_edit->find(needle, flags);
        if (found)
            m_findStatus->setText(tr("wrapped"));
        else
            m_edit->setTextCursor(keep);
    }
    m_programmatic = false;
    if (!found) {
        m_findStatus->setText(tr("not found"));
        m_findEdit->setStyleSheet(u"QLineEdit { background: %1; color: %2; }"_s.arg(
            Palette::errorBackground().name(), Palette::errorText().name()));
    } else {
        m_edit->centerCursor();
        Q_EMIT cursorMoved(fromDocument(m_edit->textCursor().selectionStart()));
    }
}

} // namespace nianbao::ui
