#include "csvmappingdialog.h"

#include "csveventsimporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ntl {

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText); // file and dataset text is never markup
    label->setWordWrap(true);
    return label;
}

// A cell shown on one line: a long summary or a newline would make the preview unreadable.
QString oneLine(const QString &text) {
    QString line = text.simplified();
    if (line.size() > 120)
        line = line.left(119) + QChar(0x2026);
    return line;
}

} // namespace

QString CsvMappingDialog::settingsKey(const QStringList &header) {
    return QStringLiteral("csvImport/mapping-") + CsvMapping::headerKey(header);
}

CsvMappingDialog::CsvMappingDialog(const CsvTable &table, const Dataset &base,
                                   const QString &fileName, QWidget *parent)
    : QDialog(parent)
    , m_table(table)
    , m_base(base)
    , m_fileName(fileName) {
    setWindowTitle(tr("Import Events from CSV"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(plainLabel(
        tr("%1: %n row(s). Choose which column holds each field of an event; a row whose ID "
           "names an existing event updates it.",
           nullptr, int(table.rows.size()))
            .arg(fileName.isEmpty() ? tr("The file") : fileName),
        this));
    m_origin = plainLabel(QString(), this);
    m_origin->setObjectName(QStringLiteral("mappingOrigin"));
    layout->addWidget(m_origin);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *formHost = new QWidget;
    auto *form = new QFormLayout(formHost);
    for (int f = 0; f < CsvMapping::FieldCount; ++f) {
        const auto field = CsvMapping::Field(f);
        auto *combo = new QComboBox(formHost);
        combo->setObjectName(QStringLiteral("column-") + CsvMapping::headerName(field));
        combo->addItem(tr("(none)"), -1);
        for (int c = 0; c < table.header.size(); ++c) {
            const QString name = oneLine(table.header.at(c));
            combo->addItem(name.isEmpty() ? tr("Column %1").arg(c + 1)
                                          : tr("Column %1: %2").arg(c + 1).arg(name),
                           c);
        }
        auto *label = new QLabel(CsvMapping::label(field) + u':', formHost);
        label->setBuddy(combo);
        form->addRow(label, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &CsvMappingDialog::refresh);
        m_combos.append(combo);
    }
    auto *scroll = new QScrollArea;
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    splitter->addWidget(scroll);

    m_preview = new QTableWidget(0, 5);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setHorizontalHeaderLabels(
        {tr("Row"), tr("Action"), tr("Title"), tr("Date"), tr("Participants")});
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setWordWrap(false);
    m_preview->setAccessibleName(tr("Preview of the first rows as they would import"));
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_reason = plainLabel(QString(), this);
    m_reason->setObjectName(QStringLiteral("reason"));
    layout->addWidget(m_reason);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    CsvMapping remembered;
    const QSettings settings;
    if (CsvMapping::fromSettingsValue(settings.value(settingsKey(table.header)).toString(),
                                      &remembered) &&
        remembered.fits(int(table.header.size()))) {
        m_origin->setText(tr("The columns as you mapped them last time for this header."));
        setMapping(remembered);
    } else {
        m_origin->setText(tr("The columns as guessed from the header; check them."));
        setMapping(CsvMapping::guess(table.header));
    }
    resize(760, 640);
}

void CsvMappingDialog::setMapping(const CsvMapping &mapping) {
    for (int f = 0; f < CsvMapping::FieldCount; ++f) {
        QComboBox *combo = m_combos.at(f);
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(std::max(0, combo->findData(mapping.column(CsvMapping::Field(f)))));
    }
    refresh();
}

CsvMapping CsvMappingDialog::mapping() const {
    CsvMapping mapping;
    for (int f = 0; f < CsvMapping::FieldCount; ++f)
        mapping.setColumn(CsvMapping::Field(f), m_combos.at(f)->currentData().toInt());
    return mapping;
}

void CsvMappingDialog::refresh() {
    const CsvMapping current = mapping();
    const QString missing = current.missing();
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(missing.isEmpty());
    ok->setToolTip(missing);
    // The first rows as they would import: the importer itself on them, so the preview
    // cannot say something the import will not do.
    CsvTable head;
    head.header = m_table.header;
    head.rows = m_table.rows.mid(0, previewRows);
    const ImportBatch batch = missing.isEmpty() && m_table.ok()
                                  ? CsvEventsImporter::read(head, m_fileName, m_base, current)
                                  : ImportBatch();
    QHash<int, QStringList> problems; // row number -> messages
    for (const Diagnostic &d : batch.diagnostics)
        if (d.isError() && d.line > 0)
            problems[d.line].append(d.message);
    QHash<QString, bool> existing;
    for (const Event &event : m_base.events)
        existing.insert(event.id, true);
    qsizetype nextNew = 0, nextUpdated = 0;
    m_preview->clearSpans();
    m_preview->setRowCount(int(head.rows.size()));
    int problemRows = 0;
    for (int i = 0; i < head.rows.size(); ++i) {
        const int rowNumber = i + 2;
        QStringList cells{QString::number(rowNumber)};
        const QStringList rowProblems = problems.value(rowNumber);
        const Event *event = nullptr;
        const int idColumn = current.column(CsvMapping::Id);
        const bool updates =
            idColumn >= 0 &&
            existing.contains(CsvTable::unguardFormula(head.rows.at(i).at(idColumn)).trimmed());
        if (missing.isEmpty() && rowProblems.isEmpty()) {
            if (updates && nextUpdated < batch.updatedEvents.size())
                event = &batch.updatedEvents.at(nextUpdated++);
            else if (!updates && nextNew < batch.newEvents.size())
                event = &batch.newEvents.at(nextNew++);
        }
        if (event) {
            QStringList who;
            for (const Participant &p : event->participants) {
                QString name = p.actorId;
                if (const Actor *actor = m_base.actor(p.actorId))
                    name = actor->name;
                for (const Actor &actor : batch.actors)
                    if (actor.id == p.actorId)
                        name = tr("%1 (new)").arg(actor.name);
                who.append(name);
            }
            const QString date = event->date.start == event->date.end
                                     ? event->date.start.toString(Qt::ISODate)
                                     : tr("%1 to %2")
                                           .arg(event->date.start.toString(Qt::ISODate),
                                                event->date.end.toString(Qt::ISODate));
            cells << (updates ? tr("update %1").arg(event->id) : tr("add %1").arg(event->id))
                  << oneLine(event->title)
                  << tr("%1 (%2)").arg(date, jsonName(event->date.precision))
                  << oneLine(who.join(QStringLiteral(", ")));
        } else {
            // The row's problems across the columns it would have filled: they need the room.
            cells << (missing.isEmpty() ? tr("not imported") : QString())
                  << oneLine(rowProblems.join(QStringLiteral(" "))) << QString() << QString();
            if (!rowProblems.isEmpty())
                m_preview->setSpan(i, 2, 1, 3);
        }
        if (!rowProblems.isEmpty())
            ++problemRows;
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c)); // items show plain text
            if (c == 2 && !rowProblems.isEmpty())
                item->setToolTip(rowProblems.join(u'\n'));
            m_preview->setItem(i, c, item);
        }
    }
    m_preview->resizeColumnsToContents();
    // Long titles or participant lists would push the problems out of sight.
    for (int c = 1; c < m_preview->columnCount(); ++c)
        m_preview->setColumnWidth(c, std::min(m_preview->columnWidth(c), 220));
    if (!m_table.ok()) {
        // The caller should not offer a broken file, but if it does, say why nothing imports.
        QStringList lines;
        for (const Diagnostic &d : m_table.diagnostics)
            if (d.isError())
                lines.append(d.message);
        ok->setEnabled(false);
        ok->setToolTip(lines.join(u'\n'));
        m_reason->setText(tr("The file cannot be imported: %1").arg(lines.join(u'\n')));
    } else if (!missing.isEmpty())
        m_reason->setText(missing);
    else if (problemRows > 0)
        m_reason->setText(tr("%n of the rows shown cannot be imported as they are; the import "
                             "takes all rows or none.",
                             nullptr, problemRows));
    else
        m_reason->setText(QString());
}

void CsvMappingDialog::accept() {
    if (!mapping().missing().isEmpty() || !m_table.ok())
        return;
    QSettings().setValue(settingsKey(m_table.header), mapping().toSettingsValue());
    QDialog::accept();
}

std::optional<CsvMapping> CsvMappingDialog::ask(QWidget *parent, const CsvTable &table,
                                                const Dataset &base, const QString &fileName) {
    CsvMappingDialog dialog(table, base, fileName, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.mapping();
}

} // namespace ntl
