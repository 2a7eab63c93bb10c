-- AlterTable
ALTER TABLE "Person" ADD COLUMN "serviceUrl" TEXT;
ALTER TABLE "Person" ADD COLUMN "teamsUserId" TEXT;
ALTER TABLE "Person" ADD COLUMN "tenantId" TEXT;
ALTER TABLE "Person" ADD COLUMN "unreachableReason" TEXT;
ALTER TABLE "Person" ADD COLUMN "unreachableSince" DATETIME;
ALTER TABLE "Person" ADD COLUMN "upn" TEXT;

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "tenantId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "personId" TEXT,
    "teamId" TEXT,
    "teamName" TEXT,
    "reference" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Conversation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Prompt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "milestoneId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "cycle" TEXT,
    "trigger" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "conversationId" TEXT,
    "activityId" TEXT,
    "sentAt" DATETIME,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Prompt_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Prompt_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StatusUpdate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "milestoneId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "workingWell" TEXT NOT NULL DEFAULT '',
    "worriedAbout" TEXT NOT NULL DEFAULT '',
    "needsToHappen" TEXT NOT NULL DEFAULT '',
    "revisedDueDate" DATETIME,
    "recordedAt" DATETIME NOT NULL,
    "promptId" TEXT,
    "authorId" TEXT,
    "source" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StatusUpdate_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StatusUpdate_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StatusUpdate" ("authorId", "createdAt", "dedupeKey", "id", "milestoneId", "needsToHappen", "recordedAt", "revisedDueDate", "source", "status", "workingWell", "worriedAbout") SELECT "authorId", "createdAt", "dedupeKey", "id", "milestoneId", "needsToHappen", "recordedAt", "revisedDueDate", "source", "status", "workingWell", "worriedAbout" FROM "StatusUpdate";
DROP TABLE "StatusUpdate";
ALTER TABLE "new_StatusUpdate" RENAME TO "StatusUpdate";
CREATE INDEX "StatusUpdate_milestoneId_recordedAt_idx" ON "StatusUpdate"("milestoneId", "recordedAt");
CREATE UNIQUE INDEX "StatusUpdate_milestoneId_dedupeKey_key" ON "StatusUpdate"("milestoneId", "dedupeKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_conversationId_key" ON "Conversation"("conversationId");

-- CreateIndex
CREATE INDEX "Conversation_personId_active_idx" ON "Conversation"("personId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Prompt_cardId_key" ON "Prompt"("cardId");

-- CreateIndex
CREATE INDEX "Prompt_personId_createdAt_idx" ON "Prompt"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "Prompt_milestoneId_cycle_idx" ON "Prompt"("milestoneId", "cycle");
