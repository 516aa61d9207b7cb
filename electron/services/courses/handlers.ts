import type { DomainHandlers } from '../core/handler-kit';
import type { coursesOperations } from '../../../shared/api/courses';
import { actorId, forPatient, today } from '../core/handler-kit';
import {
  createCourse,
  listCourses,
  recordFollowUp,
  requireCourse,
  setCourseStatus,
} from './courses';

export const coursesHandlers = {
  'courses.list': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    return listCourses(ctx.db, input.patientId, today(ctx));
  },

  'courses.create': async (ctx, input) => {
    await forPatient(ctx, input.patientId);
    const course = await createCourse(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
    ctx.subject.objectId = course.id;
    return course;
  },

  'courses.setStatus': async (ctx, input) => {
    const course = await requireCourse(ctx.db, input.id);
    await forPatient(ctx, course.patient_id, course.id);
    return setCourseStatus(ctx.db, input, ctx.now, today(ctx));
  },

  'courses.recordFollowUp': async (ctx, input) => {
    const course = await requireCourse(ctx.db, input.courseId);
    await forPatient(ctx, course.patient_id, course.id);
    return recordFollowUp(ctx.db, input, actorId(ctx), ctx.now, today(ctx));
  },
} satisfies DomainHandlers<typeof coursesOperations>;
