-- CreateTable
CREATE TABLE "PlanSchedule" (
    "planId" TEXT NOT NULL PRIMARY KEY,
    "boardRule" TEXT NOT NULL DEFAULT 'last working Thursday',
    "promptRule" TEXT NOT NULL DEFAULT '10 working days before the board',
    "promptTime" TEXT NOT NULL DEFAULT '09:00',
    "reminderAfterWorkingDays" INTEGER NOT NULL DEFAULT 3,
    "escalateAfterWorkingDays" INTEGER NOT NULL DEFAULT 6,
    "chaseTime" TEXT NOT NULL DEFAULT '10:00',
    "weeklyDigestDay" INTEGER NOT NULL DEFAULT 1,
    "weeklyDigestTime" TEXT NOT NULL DEFAULT '08:00',
    "boardPackWorkingDays" INTEGER NOT NULL DEFAULT 3,
    "boardPackTime" TEXT NOT NULL DEFAULT '09:00',
    "sweepTime" TEXT NOT NULL DEFAULT '07:00',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PlanSchedule_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BoardMeeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    CONSTRAINT "BoardMeeting_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClosureDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "date" DATETIME NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ClosureDay_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "scheduledAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "instance" TEXT,
    "leaseUntil" DATETIME,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "detail" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "planId" TEXT,
    "recipientKey" TEXT NOT NULL,
    "personId" TEXT,
    "seq" BIGINT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedBy" TEXT,
    "claimedUntil" DATETIME,
    "lastAttemptAt" DATETIME,
    "lastError" TEXT,
    "ambiguousAttempts" INTEGER NOT NULL DEFAULT 0,
    "conversationId" TEXT,
    "activityId" TEXT,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextFreeAtMs" REAL NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "aadObjectId" TEXT,
    "upn" TEXT,
    "teamsUserId" TEXT,
    "tenantId" TEXT,
    "serviceUrl" TEXT,
    "unreachableReason" TEXT,
    "unreachableSince" DATETIME,
    "managerId" TEXT,
    "awayUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Person_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("aadObjectId", "createdAt", "email", "id", "name", "organisationId", "serviceUrl", "teamsUserId", "tenantId", "unreachableReason", "unreachableSince", "updatedAt", "upn") SELECT "aadObjectId", "createdAt", "email", "id", "name", "organisationId", "serviceUrl", "teamsUserId", "tenantId", "unreachableReason", "unreachableSince", "updatedAt", "upn" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");
CREATE UNIQUE INDEX "Person_aadObjectId_key" ON "Person"("aadObjectId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "BoardMeeting_planId_date_key" ON "BoardMeeting"("planId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ClosureDay_planId_date_key" ON "ClosureDay"("planId", "date");

-- CreateIndex
CREATE INDEX "JobRun_job_scheduledAt_idx" ON "JobRun"("job", "scheduledAt");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_planId_slot_key" ON "JobRun"("planId", "slot");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_recipientKey_seq_idx" ON "OutboxMessage"("recipientKey", "seq");
