-- CreateEnum
CREATE TYPE "ConversationKind" AS ENUM ('PERSONAL', 'CHANNEL', 'GROUP_CHAT');

-- CreateEnum
CREATE TYPE "PromptTrigger" AS ENUM ('SCHEDULE', 'COMMAND');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "serviceUrl" TEXT,
ADD COLUMN     "teamsUserId" TEXT,
ADD COLUMN     "tenantId" TEXT,
ADD COLUMN     "unreachableReason" TEXT,
ADD COLUMN     "unreachableSince" TIMESTAMP(3),
ADD COLUMN     "upn" TEXT;

-- AlterTable
ALTER TABLE "StatusUpdate" ADD COLUMN     "promptId" TEXT;

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" "ConversationKind" NOT NULL,
    "tenantId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "personId" TEXT,
    "teamId" TEXT,
    "teamName" TEXT,
    "reference" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prompt" (
    "id" TEXT NOT NULL,
    "milestoneId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "cycle" TEXT,
    "trigger" "PromptTrigger" NOT NULL,
    "cardId" TEXT NOT NULL,
    "conversationId" TEXT,
    "activityId" TEXT,
    "sentAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Prompt_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "StatusUpdate" ADD CONSTRAINT "StatusUpdate_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prompt" ADD CONSTRAINT "Prompt_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "Milestone"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prompt" ADD CONSTRAINT "Prompt_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
