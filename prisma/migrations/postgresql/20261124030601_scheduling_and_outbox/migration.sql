-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'DONE', 'SKIPPED', 'FAILED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'DELIVERED', 'DEAD', 'CANCELLED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "awayUntil" TIMESTAMP(3),
ADD COLUMN     "managerId" TEXT;

-- CreateTable
CREATE TABLE "PlanSchedule" (
    "planId" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanSchedule_pkey" PRIMARY KEY ("planId")
);

-- CreateTable
CREATE TABLE "BoardMeeting" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BoardMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosureDay" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ClosureDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "status" "JobRunStatus" NOT NULL,
    "instance" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "detail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "planId" TEXT,
    "recipientKey" TEXT NOT NULL,
    "personId" TEXT,
    "seq" BIGINT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastError" TEXT,
    "ambiguousAttempts" INTEGER NOT NULL DEFAULT 0,
    "conversationId" TEXT,
    "activityId" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateBucket" (
    "key" TEXT NOT NULL,
    "nextFreeAtMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "RateBucket_pkey" PRIMARY KEY ("key")
);

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

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSchedule" ADD CONSTRAINT "PlanSchedule_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardMeeting" ADD CONSTRAINT "BoardMeeting_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClosureDay" ADD CONSTRAINT "ClosureDay_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
