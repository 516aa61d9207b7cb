export { CourseCard } from './CourseCard';
export { CourseForm } from './CourseForm';
export { coursesKeys } from './queries';
