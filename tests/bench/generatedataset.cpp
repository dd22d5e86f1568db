// Writes a synthetic dataset for benchmarks: ntl-generate-dataset EVENTS OUT.json [SEED]
#include "datasetwriter.h"
#include "syntheticdataset.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    bool ok = false;
    const int events = arguments.value(1).toInt(&ok);
    if (arguments.size() < 3 || !ok || events < 1 || events > 1000000) {
        std::fprintf(stderr, "usage: ntl-generate-dataset EVENTS OUT.json [SEED]\n");
        return 2;
    }
    const auto dataset = ntl::makeSyntheticDataset(events, arguments.value(3, QStringLiteral("1")).toUInt());
    QString error;
    if (!ntl::DatasetWriter::writeFile(*dataset, arguments.at(2), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 3;
    }
    return 0;
}
