-- CreateTable
CREATE TABLE "MilestoneKpi" (
    "milestoneId" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("milestoneId", "kpiId"),
    CONSTRAINT "MilestoneKpi_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MilestoneKpi_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlippageAlert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "flag" TEXT NOT NULL,
    "openKey" TEXT,
    "detail" TEXT NOT NULL,
    "raisedAt" DATETIME NOT NULL,
    "clearedAt" DATETIME,
    CONSTRAINT "SlippageAlert_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SlippageAlert_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardPack" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "cycle" TEXT,
    "asOf" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "summary" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BoardPack_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MilestoneKpi_kpiId_idx" ON "MilestoneKpi"("kpiId");

-- CreateIndex
CREATE UNIQUE INDEX "SlippageAlert_openKey_key" ON "SlippageAlert"("openKey");

-- CreateIndex
CREATE INDEX "SlippageAlert_planId_raisedAt_idx" ON "SlippageAlert"("planId", "raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BoardPack_token_key" ON "BoardPack"("token");

-- CreateIndex
CREATE INDEX "BoardPack_planId_createdAt_idx" ON "BoardPack"("planId", "createdAt");
