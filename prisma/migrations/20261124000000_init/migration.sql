-- CreateEnum
CREATE TYPE "Hypervisor" AS ENUM ('NITRO', 'XEN', 'UNKNOWN');

-- CreateTable
CREATE TABLE "Catalog" (
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "readOnly" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT,
    "sourceVersion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Catalog_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "InstanceType" (
    "catalogName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "vcpu" INTEGER,
    "maxEnis" INTEGER NOT NULL,
    "ipv4PerEni" INTEGER NOT NULL,
    "hypervisor" "Hypervisor" NOT NULL,
    "bareMetal" BOOLEAN NOT NULL,
    "networkCards" JSONB NOT NULL,
    "defaultNetworkCardIndex" INTEGER NOT NULL DEFAULT 0,
    "branchInterfaces" INTEGER,
    "trunkingCompatible" BOOLEAN,

    CONSTRAINT "InstanceType_pkey" PRIMARY KEY ("catalogName","name")
);

-- CreateTable
CREATE TABLE "Design" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "owner" TEXT,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "currentRevision" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT,
    "updatedBy" TEXT,

    CONSTRAINT "Design_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DesignRevision" (
    "designId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "spec" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT,

    CONSTRAINT "DesignRevision_pkey" PRIMARY KEY ("designId","revision")
);

-- CreateIndex
CREATE INDEX "InstanceType_catalogName_family_idx" ON "InstanceType"("catalogName", "family");

-- CreateIndex
CREATE INDEX "Design_owner_idx" ON "Design"("owner");

-- CreateIndex
CREATE INDEX "Design_tags_idx" ON "Design" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "Design_createdAt_id_idx" ON "Design"("createdAt", "id");

-- AddForeignKey
ALTER TABLE "InstanceType" ADD CONSTRAINT "InstanceType_catalogName_fkey" FOREIGN KEY ("catalogName") REFERENCES "Catalog"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignRevision" ADD CONSTRAINT "DesignRevision_designId_fkey" FOREIGN KEY ("designId") REFERENCES "Design"("id") ON DELETE CASCADE ON UPDATE CASCADE;
